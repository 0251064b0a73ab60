import {
  type Action,
  type ActionOutbox,
  actionChangeItems,
  actionCountUpdates,
  actionCreateItems,
  actionOutboxPut,
  addDeltas,
  cancelledAction,
  changeDelta,
  creationDelta,
  type DbContext,
  drainActionOutbox,
  getActions,
  getPendingActionsByItem,
  type TransactItem,
} from '@antoan/db';
import { defaultDueOn, type Gap, planActions } from '@antoan/domain';

/** DynamoDB's limit on the actions of one `TransactWriteItems`. */
export const TRANSACTION_LIMIT = 100;

/** What a check does to the firm's actions, and how it is written. */
export interface GapActions {
  create: Action[];
  cancel: Action[];
  /** `transaction`: in the check's own transaction; `outbox`: an outbox in it, drained right after the commit. */
  via: 'transaction' | 'outbox';
  writes: TransactItem[];
  outbox?: ActionOutbox;
}

/**
 * Plans the actions of a check's gaps (one per gap without a pending action on its item; for an amendment, the
 * replaced versions' actions on items that are no longer gaps are cancelled) and the writes that carry them out
 * in the check's transaction: the actions themselves when they fit beside `baseWrites` within DynamoDB's
 * 100-action limit, otherwise one outbox item that `drainActionOutbox` carries out after the commit.
 * Generated action ids are `<source id>-<item id>`, so a drain run twice cannot create one twice.
 */
export async function planGapActions(
  db: DbContext,
  input: {
    enterprise: { id: string; zoneId: string };
    source: { kind: 'self_check' | 'inspection' | 'evidence_review'; id: string };
    gaps: readonly Gap[];
    replaces?: readonly string[] | undefined;
    /** The day the gaps were found; the default due days count from it. */
    foundOn: string;
    /** Today in Vietnam: an action due before it starts out overdue. */
    today: string;
    dueOn?: string | undefined;
    actor: string;
    at: string;
    baseWrites: number;
  },
): Promise<GapActions> {
  const pending = await getPendingActionsByItem(db, input.enterprise.id);
  const plan = planActions({
    gaps: input.gaps,
    pending,
    ...(input.replaces === undefined ? {} : { replaces: new Set(input.replaces) }),
  });
  const create: Action[] = plan.create.map((gap) => {
    const dueOn = input.dueOn ?? defaultDueOn(gap.severity, input.foundOn);
    return {
      id: `${input.source.id}-${gap.itemId}`,
      enterpriseId: input.enterprise.id,
      zoneId: input.enterprise.zoneId,
      source: { kind: input.source.kind, id: input.source.id, itemId: gap.itemId },
      title: gap.title,
      legalBasis: gap.legalBasis,
      severity: gap.severity,
      ...(gap.evidenceKinds ? { evidenceKinds: [...gap.evidenceKinds] } : {}),
      status: 'open',
      dueOn,
      version: 1,
      createdAt: input.at,
      createdBy: input.actor,
      updatedAt: input.at,
      updatedBy: input.actor,
      ...(dueOn < input.today ? { overdueCounted: true } : {}),
    };
  });
  const cancel = await getActions(db, input.enterprise.id, plan.cancel);
  const owner = { enterpriseId: input.enterprise.id, zoneId: input.enterprise.zoneId };
  const changes = cancel.map((before) => ({ before, after: cancelledAction(before, input.actor, input.at) }));
  const writes = [
    ...create.flatMap((action) => actionCreateItems(db.tableName, action)),
    ...changes.flatMap(({ before, after }) => actionChangeItems(db.tableName, before, after)),
    ...actionCountUpdates(
      db.tableName,
      owner,
      addDeltas(
        ...create.map(creationDelta),
        ...changes.map(({ before, after }) => changeDelta(before, after)),
      ),
    ),
  ];
  if (input.baseWrites + writes.length <= TRANSACTION_LIMIT) {
    return { create, cancel: changes.map(({ after }) => after), via: 'transaction', writes };
  }
  const outbox: ActionOutbox = {
    ...owner,
    sourceId: input.source.id,
    create,
    cancel: cancel.map((action) => action.id),
    actor: input.actor,
    at: input.at,
  };
  return {
    create,
    cancel: changes.map(({ after }) => after),
    via: 'outbox',
    writes: [actionOutboxPut(db.tableName, outbox)],
    outbox,
  };
}

/**
 * Drains a committed check's outbox at once. A failure is logged, not raised: the check stands, and the outbox
 * waits for the daily job's sweep (or the next call), which creates only what is still missing.
 */
export async function drainAfterCommit(db: DbContext, planned: GapActions): Promise<void> {
  if (!planned.outbox) return;
  try {
    await drainActionOutbox(db, planned.outbox.enterpriseId, planned.outbox.sourceId);
  } catch (error) {
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'action outbox not drained; the daily job will retry',
        enterpriseId: planned.outbox.enterpriseId,
        sourceId: planned.outbox.sourceId,
        error: String(error instanceof Error ? (error.stack ?? error) : error),
      }),
    );
  }
}
