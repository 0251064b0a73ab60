import { changeActionRequest } from '@antoan/api';
import { type Action, type DbContext, type Enterprise, listActionsOfEnterprise } from '@antoan/db';
import type { ActionStatus } from '@antoan/domain';

/** The demo's steps for one firm's actions, so the action plans show every state. */
const steps: Array<{ statuses: ActionStatus[]; as: 'enterprise' | 'overseer' }[]> = [
  [{ statuses: ['in_progress'], as: 'enterprise' }],
  [{ statuses: ['done'], as: 'enterprise' }],
  [
    { statuses: ['done'], as: 'enterprise' },
    { statuses: ['verified'], as: 'overseer' },
  ],
  [{ statuses: ['cancelled'], as: 'overseer' }],
];

/**
 * Moves the first actions of a few firms that submitted through the lifecycle (in progress, done, verified,
 * cancelled) with the use case the PATCH route calls; the rest stay open, and those raised by last period's
 * check are overdue. Actions whose item takes evidence are left open (closing them needs a verified file).
 */
export async function seedDemoActions(
  db: DbContext,
  enterprises: readonly Enterprise[],
  now: Date,
): Promise<{ changed: number }> {
  let changed = 0;
  let firms = 0;
  for (const enterprise of enterprises) {
    if (firms >= 6) break;
    const page = await listActionsOfEnterprise(db, {
      enterpriseId: enterprise.id,
      status: 'open',
      limit: 50,
    });
    const closable = page.items.filter((action) => (action.evidenceKinds ?? []).length === 0);
    if (closable.length < steps.length) continue;
    firms++;
    for (const [index, plan] of steps.entries()) {
      let action = closable[index] as Action;
      for (const step of plan) {
        for (const status of step.statuses) {
          const result = await changeActionRequest(
            { db, now: () => now },
            {
              enterprise,
              actionId: action.id,
              expectedVersion: action.version,
              patch:
                step.as === 'enterprise'
                  ? { status, owner: 'Phòng ATVSLĐ', note: 'Đã khắc phục (dữ liệu minh họa).' }
                  : { status },
              actor: { sub: step.as === 'enterprise' ? `officer-${enterprise.id}` : 'zm-demo', as: step.as },
            },
          );
          if (!result.ok) throw result.error;
          action = result.value;
          changed++;
        }
      }
    }
  }
  return { changed };
}
