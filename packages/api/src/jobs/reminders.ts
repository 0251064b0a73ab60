import {
  type Enterprise,
  getEnterprise,
  listEvidenceExpiringOn,
  listFirmsWithIncompleteReport,
  listSelfChecksDueOn,
  listZones,
  type Notification,
  putNotification,
} from '@antoan/db';
import { addDays, annualReportReminderOn } from '@antoan/domain';
import type { AppDeps } from '../deps';

/** How many days ahead a reminder goes out, for expiring evidence and for due self-inspections. */
export const REMINDER_DAYS = [30, 7, 0] as const;

const inDays = (days: number) =>
  days === 0 ? { vi: 'hôm nay', en: 'today' } : { vi: `sau ${days} ngày`, en: `in ${days} days` };

/** What one run of the reminder job did. */
export interface ReminderRun {
  today: string;
  written: number;
  alreadySent: number;
  /** New notifications also sent by e-mail, and those whose e-mail failed (they stay in the outbox). */
  emailed: number;
  emailFailed: number;
}

/** Sends a new notification beyond the outbox, e.g. by e-mail to the firm's contact address (SES on AWS). */
export type NotificationDelivery = (notification: Notification, to: string) => Promise<void>;

/**
 * The daily reminder job: evidence that expires in 30, 7 or 0 days, self-inspections due in 30, 7 or 0
 * days, and self-inspections that became overdue yesterday. Each is read from its own gsi3 partition (one per
 * day), never a scan, and each notification has a stable key, so running the job twice writes nothing twice.
 * On the annual report's reminder days (1 December to 10 January) firms whose report is incomplete are reminded.
 */
export async function runReminders(
  deps: AppDeps,
  today: string,
  deliver?: NotificationDelivery,
): Promise<ReminderRun> {
  const createdAt = deps.now().toISOString();
  const notifications: Notification[] = [];
  for (const days of REMINDER_DAYS) {
    const day = addDays(today, days);
    for (const evidence of await listEvidenceExpiringOn(deps.db, day)) {
      const when = inDays(days);
      notifications.push({
        enterpriseId: evidence.enterpriseId,
        day,
        dedupe: `evidence_expiring#${evidence.id}#${days}`,
        type: days === 0 ? 'evidence_expired' : 'evidence_expiring',
        message: {
          vi: `Minh chứng "${evidence.fileName}" (${evidence.kind}) hết hạn ${when.vi} (${day}). Hãy tải lên bản mới.`,
          en: `Evidence "${evidence.fileName}" (${evidence.kind}) expires ${when.en} (${day}). Upload a new one.`,
        },
        createdAt,
      });
    }
    for (const firm of await listSelfChecksDueOn(deps.db, day)) {
      const when = inDays(days);
      notifications.push({
        enterpriseId: firm.enterpriseId,
        day,
        dedupe: `self_check_due#${days}`,
        type: 'self_check_due',
        message: {
          vi: `Hạn nộp tự kiểm tra ATVSLĐ định kỳ là ${when.vi} (${day}).`,
          en: `The periodic OSH self-inspection is due ${when.en} (${day}).`,
        },
        createdAt,
      });
    }
  }
  const yesterday = addDays(today, -1);
  for (const firm of await listSelfChecksDueOn(deps.db, yesterday)) {
    notifications.push({
      enterpriseId: firm.enterpriseId,
      day: today,
      dedupe: `self_check_overdue#${yesterday}`,
      type: 'self_check_overdue',
      message: {
        vi: `Quá hạn: chưa nộp tự kiểm tra ATVSLĐ định kỳ đến hạn ngày ${yesterday}.`,
        en: `Overdue: the periodic OSH self-inspection due on ${yesterday} has not been submitted.`,
      },
      createdAt,
    });
  }
  notifications.push(...(await annualReportReminders(deps, today, createdAt)));
  let written = 0;
  let emailed = 0;
  let emailFailed = 0;
  const contacts = new Map<string, Enterprise | undefined>();
  for (const notification of notifications) {
    if (!(await putNotification(deps.db, notification))) continue;
    written++;
    if (!deliver) continue;
    if (!contacts.has(notification.enterpriseId)) {
      contacts.set(notification.enterpriseId, await getEnterprise(deps.db, notification.enterpriseId));
    }
    const to = contacts.get(notification.enterpriseId)?.contactEmail;
    if (to === undefined) continue;
    // E-mail is best effort: the outbox already holds the notification, and a failure must not stop the run.
    await deliver(notification, to).then(
      () => emailed++,
      () => emailFailed++,
    );
  }
  return { today, written, alreadySent: notifications.length - written, emailed, emailFailed };
}

/**
 * On a reminder day (`annualReportReminderOn`), a reminder for each firm whose Appendix II report for the year is
 * not marked complete. It reads every zone's firm list, which it does on those seven days a year only.
 */
async function annualReportReminders(
  deps: AppDeps,
  today: string,
  createdAt: string,
): Promise<Notification[]> {
  const due = annualReportReminderOn(today);
  if (!due) return [];
  const notifications: Notification[] = [];
  let cursor: string | undefined;
  do {
    const page = await listZones(deps.db, { limit: 100, cursor });
    for (const zone of page.items) {
      for (const firm of await listFirmsWithIncompleteReport(deps.db, zone.id, String(due.year))) {
        notifications.push({
          enterpriseId: firm.enterpriseId,
          day: today,
          dedupe: `annual_report_due#${due.year}`,
          type: 'annual_report_due',
          message: {
            vi: `Báo cáo công tác ATVSLĐ năm ${due.year} còn thiếu số liệu; hạn nộp ngày ${due.dueOn}.`,
            en: `The ${due.year} annual OSH report still has missing figures; it is due on ${due.dueOn}.`,
          },
          createdAt,
        });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return notifications;
}
