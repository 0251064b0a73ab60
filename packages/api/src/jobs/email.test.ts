import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { sesDelivery } from './email';

// SES has no local server: the client is stubbed to capture the request (and to inject a failure).
describe('sesDelivery', () => {
  const client = new SESv2Client({ region: 'ap-southeast-1' });
  const ses = mockClient(client);
  const notification = {
    enterpriseId: 'e1',
    day: '2026-12-05',
    dedupe: 'self_check_due#7',
    type: 'self_check_due' as const,
    message: { vi: 'Hạn nộp tự kiểm tra là sau 7 ngày.', en: 'The self-inspection is due in 7 days.' },
    createdAt: '2026-11-28T00:00:00.000Z',
  };

  it('sends one UTF-8 e-mail, Vietnamese first', async () => {
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'm1' });
    await sesDelivery(client, 'noreply@antoan.example')(notification, 'atvsld@example.com');
    const [call] = ses.commandCalls(SendEmailCommand);
    expect(call?.args[0].input).toMatchObject({
      FromEmailAddress: 'noreply@antoan.example',
      Destination: { ToAddresses: ['atvsld@example.com'] },
      Content: {
        Simple: { Body: { Text: { Data: `${notification.message.vi}\n\n${notification.message.en}\n` } } },
      },
    });
  });

  it('lets a failure reach the caller, which counts it', async () => {
    ses.reset();
    ses.on(SendEmailCommand).rejects(new Error('Throttling'));
    await expect(
      sesDelivery(client, 'noreply@antoan.example')(notification, 'x@example.com'),
    ).rejects.toThrow();
  });
});
