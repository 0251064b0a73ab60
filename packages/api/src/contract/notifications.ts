import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `notifications` routes (`routes/notifications.ts`). */
export const notificationsContract = {
  'GET /v1/enterprises/{eid}/notifications': {
    summary: "An enterprise's reminder outbox, newest first",
    tag: 'notifications',
    access: 'scope of the enterprise',
    query: s.listQuerySchema,
    responses: { 200: ok('Reminders.', s.notificationPageSchema) },
    problems: [400, 404],
  },
} satisfies GroupContract;
