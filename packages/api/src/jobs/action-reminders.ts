import {
  drainActionOutbox,
  type Enterprise,
  getEnterprise,
  listActionOutboxes,
  listActionsDueOn,
  markActionOverdue,
  type Notification,
  putNotification,
} from '@antoan/db';
import { addDays } from '@antoan/domain';
import type { AppDeps } from '../deps';
import { refreshAfterWrite } from '../targeting';
import type { NotificationDelivery } from './reminders';

/** How many past due days the job looks back on, so a day it did not run is caught up on the next. */
export const OVERDUE_LOOKBACK_DAYS = 7;

/** What one run of the action job did. */
export interface ActionRun {
  /** Outboxes of past submissions drained, and the actions they still created. */
  drained: number;
  created: number;
  /** Actions counted overdue by this run (a rerun counts none again). */
  markedOverdue: number;
  written: number;
  alreadySent: number;
  /** New notifications also sent by e-mail to the firm's contact address, and those whose e-mail failed. */
  emailed: number;
  emailFailed: number;
}

/**
 * The daily action job, reading only the gsi3 day partitions of due days, never a scan:
 * - drains any action outbox a submission left behind (normally none);
 * - reminds the firm of each pending action due today;
 * - for each pending action due in the last `OVERDUE_LOOKBACK_DAYS` days before today, counts it overdue in the
 *   firm's and zone's counters (once: a flag on the action guards the counter), notifies the firm, and refreshes
 *   its target priority (`overdue_actions`).
 * Every notification has a stable key, so running it twice writes nothing twice (and e-mails nothing twice): a
 * new one is also sent through `deliver` (SES on AWS) when the firm has a contact address, best effort.
 */
export async function runActionReminders(
  deps: Pick<AppDeps, 'db' | 'now'>,
  today: string,
  deliver?: NotificationDelivery,
): Promise<ActionRun> {
  const run: ActionRun = {
    drained: 0,
    created: 0,
    markedOverdue: 0,
    written: 0,
    alreadySent: 0,
    emailed: 0,
    emailFailed: 0,
  };
  for (const outbox of await listActionOutboxes(deps.db)) {
    const drained = await drainActionOutbox(deps.db, outbox.enterpriseId, outbox.sourceId);
    run.drained++;
    run.created += drained.created;
  }
  const createdAt = deps.now().toISOString();
  const candidates: Notification[] = [];
  for (const action of await listActionsDueOn(deps.db, today)) {
    candidates.push({
      enterpriseId: action.enterpriseId,
      day: today,
      dedupe: `action_due#${action.id}`,
      type: 'action_due',
      message: {
        vi: `Hành động khắc phục "${action.title.vi}" đến hạn hôm nay (${today}).`,
        en: `Corrective action "${action.title.en}" is due today (${today}).`,
      },
      createdAt,
    });
  }
  const firms = new Set<string>();
  for (let back = 1; back <= OVERDUE_LOOKBACK_DAYS; back++) {
    const dueOn = addDays(today, -back);
    for (const action of await listActionsDueOn(deps.db, dueOn)) {
      if (await markActionOverdue(deps.db, action)) {
        run.markedOverdue++;
        firms.add(action.enterpriseId);
      }
      candidates.push({
        enterpriseId: action.enterpriseId,
        day: addDays(dueOn, 1),
        dedupe: `action_overdue#${action.id}`,
        type: 'action_overdue',
        message: {
          vi: `Quá hạn: hành động khắc phục "${action.title.vi}" đến hạn ngày ${dueOn} chưa hoàn thành.`,
          en: `Overdue: corrective action "${action.title.en}" was due on ${dueOn} and is not done.`,
        },
        createdAt,
      });
    }
  }
  const contacts = new Map<string, Enterprise | undefined>();
  for (const notification of candidates) {
    if (!(await putNotification(deps.db, notification))) {
      run.alreadySent++;
      continue;
    }
    run.written++;
    if (!deliver) continue;
    if (!contacts.has(notification.enterpriseId)) {
      contacts.set(notification.enterpriseId, await getEnterprise(deps.db, notification.enterpriseId));
    }
    const to = contacts.get(notification.enterpriseId)?.contactEmail;
    if (to === undefined) continue;
    // The outbox already holds it; a failed e-mail must not stop the run.
    await deliver(notification, to).then(
      () => run.emailed++,
      () => run.emailFailed++,
    );
  }
  for (const enterpriseId of firms) await refreshAfterWrite(deps.db, enterpriseId, today);
  return run;
}
