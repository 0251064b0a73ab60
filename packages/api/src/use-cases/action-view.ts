import type { Action } from '@antoan/db';
import { isOverdue } from '@antoan/domain';
import type { ActionView } from '@antoan/schemas';

/** An action as the API shows it: its bookkeeping flag left out, whether it is overdue today put in. */
export function actionView(action: Action, today: string): ActionView {
  const { overdueCounted: _counted, ...shown } = action;
  return { ...shown, overdue: isOverdue(action, today) };
}
