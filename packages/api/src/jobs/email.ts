import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { NotificationDelivery } from './reminders';

/**
 * Delivers notifications by e-mail through SES (AWS only), Vietnamese first, then English.
 * @example runReminders(deps, today, sesDelivery(new SESv2Client({}), 'nhac-viec@antoan.example'))
 */
export function sesDelivery(client: SESv2Client, from: string): NotificationDelivery {
  return async (notification, to) => {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: `[antoan] ${notification.message.vi}`.slice(0, 200), Charset: 'UTF-8' },
            Body: {
              Text: { Data: `${notification.message.vi}\n\n${notification.message.en}\n`, Charset: 'UTF-8' },
            },
          },
        },
      }),
    );
  };
}
