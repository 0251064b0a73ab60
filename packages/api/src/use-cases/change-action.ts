import { type Action, changeAction, type Enterprise, getAction, getEvidenceFacts } from '@antoan/db';
import {
  type ActionActor,
  type ActionStatus,
  allowedTransitions,
  pendingStatuses,
  vietnamDate,
} from '@antoan/domain';
import type { PatchActionInput } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import {
  ApiError,
  conflict,
  type FieldError,
  fieldError,
  invalid,
  notFound,
  preconditionFailed,
} from '../errors';
import { failure, type Result, success } from './result';

const illegalTransition = (from: ActionStatus, to: ActionStatus, allowed: readonly ActionStatus[]) =>
  conflict(
    {
      vi: `Không thể chuyển hành động từ "${from}" sang "${to}". Được phép: ${allowed.join(', ') || 'không có'}.`,
      en: `An action cannot go from "${from}" to "${to}" for you. Allowed: ${allowed.join(', ') || 'none'}.`,
    },
    { code: 'illegal_transition', from, to, allowed },
  );

/**
 * Changes an action at the version the caller read (`If-Match`). The firm sets the owner, the note, the
 * evidence and moves it to `in_progress` or `done`; an overseer (an inspector, a manager of the firm's zone)
 * verifies, reopens or cancels it. `done` needs a note and, where the item takes evidence, verified evidence of
 * one of its kinds. An illegal move gets 409 listing the allowed ones. The change, its counters and an audit
 * entry are one transaction.
 */
export async function changeActionRequest(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: {
    enterprise: Enterprise;
    actionId: string;
    expectedVersion: number | undefined;
    patch: PatchActionInput;
    actor: { sub: string; as: ActionActor };
  },
): Promise<Result<Action>> {
  const { patch } = input;
  const before = await getAction(deps.db, input.enterprise.id, input.actionId);
  if (!before) return failure(notFound('action'));
  if (input.expectedVersion !== before.version) return failure(preconditionFailed());
  const errors: FieldError[] = [];
  if (input.actor.as === 'overseer') {
    for (const field of ['owner', 'evidenceIds'] as const) {
      if (patch[field] !== undefined)
        errors.push(
          fieldError(field, {
            vi: `Chỉ doanh nghiệp được đặt ${field === 'owner' ? 'người phụ trách' : 'minh chứng'}`,
            en: `only the enterprise sets ${field}`,
          }),
        );
    }
  }
  if (errors.length > 0) return failure(invalid(errors));
  const to = patch.status ?? before.status;
  const today = vietnamDate(deps.now());
  if (patch.dueOn !== undefined && patch.dueOn !== before.dueOn) {
    // The deadline comes from the item's severity or the inspection: the firm may plan to finish sooner, never
    // later; an inspector or the zone's manager may extend it. Either way not into the past, and only while pending.
    if (!pendingStatuses.includes(before.status))
      errors.push(
        fieldError('dueOn', {
          vi: 'Chỉ đổi được hạn khi hành động đang chờ xử lý',
          en: 'the due day changes only while the action is pending',
        }),
      );
    else if (patch.dueOn < today)
      errors.push(
        fieldError('dueOn', {
          vi: `Hạn không được trước hôm nay (${today})`,
          en: `dueOn is not before today (${today})`,
        }),
      );
    else if (input.actor.as === 'enterprise' && patch.dueOn > before.dueOn)
      errors.push({
        path: 'dueOn',
        message: `the enterprise may bring the due day forward only (at the latest ${before.dueOn})`,
        localized: {
          vi: `Doanh nghiệp chỉ được đưa hạn sớm lên (muộn nhất ${before.dueOn})`,
          en: `the enterprise may bring the due day forward only (at the latest ${before.dueOn})`,
        },
      });
  }
  if (errors.length > 0) return failure(invalid(errors));
  if (to !== before.status) {
    const allowed = allowedTransitions(before.status, input.actor.as);
    if (!allowed.includes(to)) return failure(illegalTransition(before.status, to, allowed));
  } else if (!pendingStatuses.includes(before.status) && input.actor.as === 'enterprise') {
    return failure(illegalTransition(before.status, to, allowedTransitions(before.status, 'enterprise')));
  }
  const evidenceIds = patch.evidenceIds ?? before.evidenceIds ?? [];
  const evidence = await getEvidenceFacts(deps.db, before.enterpriseId, evidenceIds);
  for (const evidenceId of patch.evidenceIds ?? []) {
    if (evidence.get(evidenceId)?.status !== 'verified') {
      errors.push({
        path: 'evidenceIds',
        message: `${evidenceId} is not verified evidence of this enterprise`,
        localized: {
          vi: `${evidenceId} không phải minh chứng đã xác minh của doanh nghiệp này`,
          en: `${evidenceId} is not verified evidence of this enterprise`,
        },
      });
    }
  }
  if (errors.length > 0) return failure(invalid(errors));
  const note = patch.note ?? before.note;
  if (to === 'done' && before.status !== 'done') {
    const missing: FieldError[] = [];
    if (note === undefined || note.trim() === '')
      missing.push(fieldError('note', { vi: 'Cần ghi chú để hoàn thành', en: 'done needs a note' }));
    const kinds = before.evidenceKinds ?? [];
    if (
      kinds.length > 0 &&
      !evidenceIds.some((evidenceId) => {
        const found = evidence.get(evidenceId);
        return found?.status === 'verified' && kinds.includes(found.kind);
      })
    ) {
      missing.push({
        path: 'evidenceIds',
        message: `done needs verified evidence of kind ${kinds.join(' or ')}`,
        localized: {
          vi: `Để hoàn thành cần minh chứng đã xác minh thuộc loại ${kinds.join(' hoặc ')}`,
          en: `done needs verified evidence of kind ${kinds.join(' or ')}`,
        },
      });
    }
    if (missing.length > 0) {
      return failure(
        new ApiError(
          422,
          'closure-incomplete',
          'Closure incomplete',
          {
            vi: 'Để hoàn thành cần ghi chú và minh chứng đã xác minh đúng loại.',
            en: 'Done needs a note, and verified evidence of the kind the item takes.',
          },
          { errors: missing },
        ),
      );
    }
  }
  const at = deps.now().toISOString();
  const { overdueCounted: _counted, doneOn: _doneOn, verifiedBy: _verifiedBy, ...kept } = before;
  const pending = pendingStatuses.includes(to);
  const after: Action = {
    ...kept,
    status: to,
    ...(patch.owner === undefined ? {} : { owner: patch.owner }),
    ...(patch.dueOn === undefined ? {} : { dueOn: patch.dueOn }),
    ...(note === undefined || note === '' ? {} : { note }),
    ...(evidenceIds.length > 0 ? { evidenceIds } : {}),
    ...(to === 'done' ? { doneOn: before.status === 'done' && before.doneOn ? before.doneOn : today } : {}),
    ...(to === 'verified' ? { doneOn: before.doneOn ?? today, verifiedBy: input.actor.sub } : {}),
    // Pending and past due counts as overdue from the moment it is pending again.
    ...(pending && (patch.dueOn ?? before.dueOn) < today ? { overdueCounted: true } : {}),
    version: before.version + 1,
    updatedAt: at,
    updatedBy: input.actor.sub,
  };
  const action =
    to === before.status
      ? 'action.update'
      : to === 'open' && !pendingStatuses.includes(before.status)
        ? 'action.reopen'
        : `action.${to}`;
  return success(await changeAction(deps.db, { before, after, actor: input.actor.sub, at, action }));
}
