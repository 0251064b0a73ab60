import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import { batchGetItems } from './batch';
import type { DbContext } from './client';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { ConflictError } from './errors';
import { keys } from './keys';
import { pickFields, queryAll, queryPage } from './query';
import { read, type TransactItem, transactWrite } from './transact';

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'verified' | 'cancelled';
const pending = (status: ActionStatus) => status === 'open' || status === 'in_progress';

/** Where an action comes from: a self-check's or an inspection's gap, a reviewer's rejection of evidence, or someone's hand. */
export interface ActionSource {
  kind: 'self_check' | 'inspection' | 'evidence_review' | 'manual';
  id?: string;
  itemId?: string;
}

/** A corrective action: a gap to close, with an owner, a due day and proof of closure. */
export interface Action {
  id: string;
  enterpriseId: string;
  zoneId: string;
  source: ActionSource;
  title: { vi: string; en: string };
  legalBasis: Array<{ document: string; article: string }>;
  severity: 'critical' | 'major' | 'minor';
  /** The evidence kinds the item takes; `done` needs verified evidence of one of them. */
  evidenceKinds?: string[];
  status: ActionStatus;
  owner?: string;
  dueOn: string;
  doneOn?: string;
  evidenceIds?: string[];
  note?: string;
  verifiedBy?: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Set while the action is counted in the overdue counters (pending and past `dueOn`). */
  overdueCounted?: boolean;
}

const fields = [
  'id',
  'enterpriseId',
  'zoneId',
  'source',
  'title',
  'legalBasis',
  'severity',
  'evidenceKinds',
  'status',
  'owner',
  'dueOn',
  'doneOn',
  'evidenceIds',
  'note',
  'verifiedBy',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'overdueCounted',
] as const;

export const toAction = (item: Record<string, unknown>): Action =>
  Object.fromEntries(
    fields.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]),
  ) as unknown as Action;

/** The stored item of an action: its index keys exist only while it is pending (sparse zone and due-day indexes). */
function actionItem(action: Action): Record<string, unknown> {
  return {
    ...keys.action(action.enterpriseId, action.id),
    type: 'action',
    ...action,
    ...(pending(action.status)
      ? {
          gsi1pk: keys.pendingActionsOfZone(action.zoneId),
          gsi1sk: keys.pendingActionSortKey(action.dueOn, action.id),
          gsi3pk: keys.actionDue(action.dueOn),
          gsi3sk: `${action.enterpriseId}#${action.id}`,
        }
      : action.status === 'done'
        ? {
            gsi1pk: keys.doneActionsOfZone(action.zoneId),
            gsi1sk: keys.pendingActionSortKey(action.doneOn ?? action.dueOn, action.id),
          }
        : {}),
  };
}

/** Changes to the pending and overdue counters of a firm and its zone. */
export interface ActionCountDelta {
  open: number;
  overdue: number;
}

/** Sums deltas. */
export const addDeltas = (...deltas: ActionCountDelta[]): ActionCountDelta =>
  deltas.reduce((sum, d) => ({ open: sum.open + d.open, overdue: sum.overdue + d.overdue }), {
    open: 0,
    overdue: 0,
  });

/** The `ADD`s to the firm's and the zone's action counters (none when nothing changes). */
export function actionCountUpdates(
  tableName: string,
  owner: { enterpriseId: string; zoneId: string },
  delta: ActionCountDelta,
): TransactItem[] {
  if (delta.open === 0 && delta.overdue === 0) return [];
  const update = (key: Record<string, string>, extra: Record<string, string>): TransactItem => ({
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `SET #type = :type, ${Object.keys(extra)
        .map((name) => `#${name} = :${name}`)
        .join(', ')} ADD #open :open, #overdue :overdue`,
      ExpressionAttributeNames: {
        '#type': 'type',
        '#open': 'open',
        '#overdue': 'overdue',
        ...Object.fromEntries(Object.keys(extra).map((name) => [`#${name}`, name])),
      },
      ExpressionAttributeValues: {
        ':type': 'action_counts',
        ':open': delta.open,
        ':overdue': delta.overdue,
        ...Object.fromEntries(Object.entries(extra).map(([name, value]) => [`:${name}`, value])),
      },
    },
  });
  return [
    update(keys.zoneActionCounts(owner.zoneId), { zoneId: owner.zoneId }),
    update(keys.enterpriseActionCounts(owner.enterpriseId), { enterpriseId: owner.enterpriseId }),
  ];
}

/**
 * The writes that create a pending action: the action, and the claim on its item (enterprise + item id), both
 * conditional, so a retry or a second submission of the same gap creates nothing twice. Its counter delta is
 * `creationDelta(action)`.
 */
export function actionCreateItems(tableName: string, action: Action): TransactItem[] {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: actionItem(action),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (action.source.itemId !== undefined) {
    items.push({
      Put: {
        TableName: tableName,
        Item: {
          ...keys.pendingAction(action.enterpriseId, action.source.itemId),
          type: 'pending_action',
          actionId: action.id,
          sourceId: action.source.id ?? action.id,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  return items;
}

/** What creating this action adds to the counters. */
export const creationDelta = (action: Action): ActionCountDelta => ({
  open: pending(action.status) ? 1 : 0,
  overdue: action.overdueCounted ? 1 : 0,
});

/** What moving an action from `before` to `after` adds to the counters. */
export const changeDelta = (before: Action, after: Action): ActionCountDelta => ({
  open: (pending(after.status) ? 1 : 0) - (pending(before.status) ? 1 : 0),
  overdue: (after.overdueCounted ? 1 : 0) - (before.overdueCounted ? 1 : 0),
});

/** The condition that `action` is still exactly as read: same version, same overdue flag. */
function unchangedCondition(action: Action) {
  return {
    ConditionExpression: `#version = :expected AND ${action.overdueCounted ? '#overdueCounted = :true' : 'attribute_not_exists(#overdueCounted)'}`,
    ExpressionAttributeNames: { '#version': 'version', '#overdueCounted': 'overdueCounted' },
    ExpressionAttributeValues: {
      ':expected': action.version,
      ...(action.overdueCounted ? { ':true': true } : {}),
    },
  };
}

/**
 * The writes that move an action from `before` (as read) to `after`: the action (only if unchanged since it was
 * read), its item claim released when it stops being pending and taken again when reopened. Counter updates are
 * the caller's (`changeDelta`), so several changes can share them.
 */
export function actionChangeItems(tableName: string, before: Action, after: Action): TransactItem[] {
  const items: TransactItem[] = [
    { Put: { TableName: tableName, Item: actionItem(after), ...unchangedCondition(before) } },
  ];
  const itemId = after.source.itemId;
  if (itemId === undefined) return items;
  const claim = keys.pendingAction(after.enterpriseId, itemId);
  if (pending(before.status) && !pending(after.status)) {
    items.push({
      Delete: {
        TableName: tableName,
        Key: claim,
        ConditionExpression: '#actionId = :id',
        ExpressionAttributeNames: { '#actionId': 'actionId' },
        ExpressionAttributeValues: { ':id': after.id },
      },
    });
  } else if (!pending(before.status) && pending(after.status)) {
    items.push({
      Put: {
        TableName: tableName,
        Item: { ...claim, type: 'pending_action', actionId: after.id, sourceId: after.source.id ?? after.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  return items;
}

/** The fields of an action that an audit entry records when it changes. */
const audited = ['status', 'owner', 'dueOn', 'doneOn', 'evidenceIds', 'note', 'verifiedBy'] as const;

/** What changed between two versions of an action, `{ field: [before, after] }`. */
export function actionChanges(before: Action | undefined, after: Action): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const name of audited) {
    const from = before?.[name];
    const to = after[name];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[name] = [from ?? null, to ?? null];
  }
  return changes;
}

/**
 * Creates one action by hand, with its item claim, counters and an audit entry in one transaction.
 * ConflictError `item_has_pending_action` when the item already has a pending action.
 */
export async function createAction(ctx: DbContext, action: Action): Promise<Action> {
  await transactWrite(
    ctx,
    [
      ...actionCreateItems(ctx.tableName, action),
      ...actionCountUpdates(ctx.tableName, action, creationDelta(action)),
      auditPut(ctx.tableName, keys.enterprise(action.enterpriseId).pk, {
        actor: action.createdBy,
        action: 'action.create',
        target: action.id,
        at: action.createdAt,
        details: { title: action.title.en, dueOn: action.dueOn, source: action.source },
      }),
    ],
    (index) =>
      index === 1
        ? new ConflictError('item_has_pending_action', 'this item already has a pending action')
        : new ConflictError('action_exists', `action ${action.id} exists`),
  );
  return action;
}

/**
 * Writes a change to one action with its counters and an audit entry, in one transaction, if the action is
 * still as read (`before`). ConflictError `stale_version` when it changed meanwhile, `item_has_pending_action`
 * when reopening it meets another pending action on its item.
 */
export async function changeAction(
  ctx: DbContext,
  change: { before: Action; after: Action; actor: string; at: string; action?: string },
): Promise<Action> {
  const { before, after } = change;
  await transactWrite(
    ctx,
    [
      ...actionChangeItems(ctx.tableName, before, after),
      ...actionCountUpdates(ctx.tableName, after, changeDelta(before, after)),
      auditPut(ctx.tableName, keys.enterprise(after.enterpriseId).pk, {
        actor: change.actor,
        action: change.action ?? 'action.update',
        target: after.id,
        at: change.at,
        details: { version: after.version, changes: actionChanges(before, after) },
      }),
    ],
    (index) =>
      index === 0
        ? new ConflictError('stale_version', 'the action changed since you read it; read it again')
        : new ConflictError('item_has_pending_action', 'another action on this item is pending'),
  );
  return after;
}

/** One action of an enterprise, or undefined. */
export async function getAction(
  ctx: DbContext,
  enterpriseId: string,
  actionId: string,
): Promise<Action | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.action(enterpriseId, actionId),
        ConsistentRead: true,
      }),
    ),
  );
  return Item ? toAction(Item) : undefined;
}

/** These actions of an enterprise (unknown ids are absent). */
export async function getActions(
  ctx: DbContext,
  enterpriseId: string,
  actionIds: readonly string[],
): Promise<Action[]> {
  const items = await batchGetItems(
    ctx,
    [...new Set(actionIds)].map((id) => keys.action(enterpriseId, id)),
  );
  return items.map(toAction);
}

/**
 * An enterprise's actions, oldest first, optionally only those in `status`, or only the overdue ones on `today`
 * (pending and due before it). A filtered page can hold fewer than `limit` items; follow `nextCursor`.
 */
export function listActionsOfEnterprise(
  ctx: DbContext,
  query: {
    enterpriseId: string;
    status?: ActionStatus | undefined;
    overdueOn?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<Page<Action>> {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.status !== undefined) {
    clauses.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.overdueOn !== undefined) {
    clauses.push('(#status = :open OR #status = :inProgress) AND #dueOn < :today');
    names['#status'] = 'status';
    names['#dueOn'] = 'dueOn';
    Object.assign(values, { ':open': 'open', ':inProgress': 'in_progress', ':today': query.overdueOn });
  }
  return queryPage(
    ctx,
    {
      partition: keys.enterprise(query.enterpriseId).pk,
      sortBeginsWith: keys.actionPrefix,
      limit: query.limit,
      cursor: query.cursor,
      ...(clauses.length > 0 ? { filter: { expression: clauses.join(' AND '), names, values } } : {}),
    },
    toAction,
  );
}

/**
 * A zone's pending actions by due day, oldest first, from the zone's due-day index (gsi1), never a scan; with
 * `overdueOn`, only those due before that day (a key condition, so every item read is returned).
 */
export async function listPendingActionsOfZone(
  ctx: DbContext,
  query: { zoneId: string; overdueOn?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<Action>> {
  const partition = keys.pendingActionsOfZone(query.zoneId);
  const result = await read(() =>
    ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression:
          query.overdueOn === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk < :today',
        ExpressionAttributeValues: {
          ':pk': partition,
          ...(query.overdueOn === undefined ? {} : { ':today': query.overdueOn }),
        },
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor, { name: 'gsi1pk', value: partition }),
      }),
    ),
  );
  return { items: (result.Items ?? []).map(toAction), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

/**
 * A zone's actions marked done and awaiting verification, oldest done first (gsi1 `ZONE#<zid>#DONE_ACTIONS`; the
 * key is present only while the action is `done`).
 */
export async function listDoneActionsOfZone(
  ctx: DbContext,
  query: { zoneId: string; limit: number; cursor?: string | undefined },
): Promise<Page<Action>> {
  const partition = keys.doneActionsOfZone(query.zoneId);
  const result = await read(() =>
    ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        Limit: query.limit,
        ExclusiveStartKey: decodeCursor(query.cursor, { name: 'gsi1pk', value: partition }),
      }),
    ),
  );
  return { items: (result.Items ?? []).map(toAction), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

/** What the daily action job reads of a pending action due on a day: all that gsi3 projects of it. */
export const actionDueFields = ['id', 'enterpriseId', 'zoneId', 'title', 'dueOn'] as const;
export type ActionDue = Pick<Action, (typeof actionDueFields)[number]>;

/** What the sweep reads of an undrained outbox: all that gsi3 projects of it. */
export const actionOutboxFields = ['enterpriseId', 'sourceId'] as const;

/** The pending actions due on `day`, across all firms: one gsi3 day partition (`actionDueFields` only). */
export function listActionsDueOn(ctx: DbContext, day: string): Promise<ActionDue[]> {
  return queryAll(
    ctx,
    { index: 'gsi3', partition: keys.actionDue(day) },
    pickFields<ActionDue>(actionDueFields),
  );
}

/** The firm's pending actions by item: which action holds each item's claim, and which check raised it. */
export async function getPendingActionsByItem(
  ctx: DbContext,
  enterpriseId: string,
): Promise<Map<string, { actionId: string; sourceId: string }>> {
  const claims = await queryAll(
    ctx,
    { partition: keys.enterprise(enterpriseId).pk, sortBeginsWith: keys.pendingActionPrefix },
    (item) => ({
      itemId: String(item.sk).slice(keys.pendingActionPrefix.length),
      actionId: item.actionId as string,
      sourceId: item.sourceId as string,
    }),
  );
  return new Map(
    claims.map((claim) => [claim.itemId, { actionId: claim.actionId, sourceId: claim.sourceId }]),
  );
}

/**
 * Counts a pending action as overdue, once: sets its flag and adds one to the firm's and the zone's overdue
 * counters in one transaction. False when it was already counted or is no longer pending (so a rerun of the
 * daily job changes nothing).
 */
export async function markActionOverdue(
  ctx: DbContext,
  action: Pick<Action, 'id' | 'enterpriseId' | 'zoneId' | 'dueOn'>,
): Promise<boolean> {
  try {
    await transactWrite(
      ctx,
      [
        {
          Update: {
            TableName: ctx.tableName,
            Key: keys.action(action.enterpriseId, action.id),
            UpdateExpression: 'SET #overdueCounted = :true',
            ConditionExpression:
              'attribute_not_exists(#overdueCounted) AND (#status = :open OR #status = :inProgress) AND #dueOn = :dueOn',
            ExpressionAttributeNames: {
              '#overdueCounted': 'overdueCounted',
              '#status': 'status',
              '#dueOn': 'dueOn',
            },
            ExpressionAttributeValues: {
              ':true': true,
              ':open': 'open',
              ':inProgress': 'in_progress',
              ':dueOn': action.dueOn,
            },
          },
        },
        ...actionCountUpdates(ctx.tableName, action, { open: 0, overdue: 1 }),
      ],
      () => new ConflictError('not_pending', 'already counted or no longer pending'),
    );
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

/** Pending and overdue action counts (zeros when none was ever created). */
async function getCounts(ctx: DbContext, key: Record<string, string>): Promise<ActionCountDelta> {
  const { Item = {} } = await read(() =>
    ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true })),
  );
  return toActionCounts(Item);
}

/** Pending and overdue action counts from their counter item (zeros when none was kept yet). */
export function toActionCounts(Item: Record<string, unknown>): ActionCountDelta {
  const number = (name: string) => (typeof Item[name] === 'number' ? (Item[name] as number) : 0);
  return { open: number('open'), overdue: number('overdue') };
}

/** A zone's counts of pending (`open`) and overdue actions. */
export const getZoneActionCounts = (ctx: DbContext, zoneId: string) =>
  getCounts(ctx, keys.zoneActionCounts(zoneId));

/** A firm's counts of pending (`open`) and overdue actions. */
export const getEnterpriseActionCounts = (ctx: DbContext, enterpriseId: string) =>
  getCounts(ctx, keys.enterpriseActionCounts(enterpriseId));

/**
 * What a firm's (or a zone's) action counters hold for these actions, as the live path keeps them: `open` the
 * pending ones, `overdue` the pending ones counted overdue (`overdueCounted`).
 */
export function countActions(
  actions: ReadonlyArray<Pick<Action, 'status' | 'overdueCounted'>>,
): ActionCountDelta {
  let open = 0;
  let overdue = 0;
  for (const action of actions) {
    if (!pending(action.status)) continue;
    open++;
    if (action.overdueCounted) overdue++;
  }
  return { open, overdue };
}

/** Replaces a zone's and a firm's action counters (the backfill: plain puts, run after a deploy). */
export async function putActionCounts(
  ctx: DbContext,
  owner: { zoneId: string } | { enterpriseId: string },
  counts: ActionCountDelta,
): Promise<void> {
  const item =
    'zoneId' in owner
      ? { ...keys.zoneActionCounts(owner.zoneId), zoneId: owner.zoneId }
      : { ...keys.enterpriseActionCounts(owner.enterpriseId), enterpriseId: owner.enterpriseId };
  await read(() =>
    ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...item, type: 'action_counts', open: counts.open, overdue: counts.overdue },
      }),
    ),
  );
}

/** Actions a committed submission still owes: written in its transaction when they did not fit in it. */
export interface ActionOutbox {
  enterpriseId: string;
  zoneId: string;
  sourceId: string;
  create: Action[];
  cancel: string[];
  actor: string;
  at: string;
}

/** The Put of an outbox, for the submission's transaction. */
export function actionOutboxPut(tableName: string, outbox: ActionOutbox): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.actionOutbox(outbox.enterpriseId, outbox.sourceId),
        type: 'action_outbox',
        gsi3pk: keys.actionOutboxes(),
        gsi3sk: `${outbox.at}#${outbox.enterpriseId}#${outbox.sourceId}`,
        ...outbox,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Every outbox not drained yet (gsi3, one partition; normally empty). */
export function listActionOutboxes(
  ctx: DbContext,
): Promise<Array<{ enterpriseId: string; sourceId: string }>> {
  return queryAll(ctx, { index: 'gsi3', partition: keys.actionOutboxes() }, (item) => ({
    enterpriseId: item.enterpriseId as string,
    sourceId: item.sourceId as string,
  }));
}

/**
 * Carries out an outbox, up to `DRAIN_CHUNK` actions per transaction with their counters, then deletes it.
 * Every step is conditional, so a drain that fails half way can be run again, by anyone, any number of times: an action
 * already created, or whose item already has a pending action, is skipped; an action already cancelled is left.
 * Returns what this run did.
 */
export async function drainActionOutbox(
  ctx: DbContext,
  enterpriseId: string,
  sourceId: string,
): Promise<{ created: number; cancelled: number }> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.actionOutbox(enterpriseId, sourceId),
        ConsistentRead: true,
      }),
    ),
  );
  if (!Item) return { created: 0, cancelled: 0 };
  const outbox = Item as unknown as ActionOutbox;
  const created = await applyInChunks(ctx, outbox, outbox.create, (action) => ({
    writes: actionCreateItems(ctx.tableName, action),
    delta: creationDelta(action),
  }));
  const cancellable = (await getActions(ctx, enterpriseId, outbox.cancel)).filter((action) =>
    pending(action.status),
  );
  const cancelled = await applyInChunks(ctx, outbox, cancellable, (before) => {
    const after = cancelledAction(before, outbox.actor, outbox.at);
    return { writes: actionChangeItems(ctx.tableName, before, after), delta: changeDelta(before, after) };
  });
  await read(() =>
    ctx.doc.send(
      new DeleteCommand({ TableName: ctx.tableName, Key: keys.actionOutbox(enterpriseId, sourceId) }),
    ),
  );
  return { created, cancelled };
}

/** Actions per drain transaction: 2 or 3 writes each plus the 2 counters stays well under DynamoDB's 100. */
const DRAIN_CHUNK = 20;

/**
 * Writes each entry's items, `DRAIN_CHUNK` entries per transaction with their counter changes summed into one
 * update per counter. A chunk refused by a condition (an entry already applied by an earlier run) is retried
 * entry by entry, skipping those refused. Returns how many entries this run applied.
 */
async function applyInChunks<T>(
  ctx: DbContext,
  owner: { enterpriseId: string; zoneId: string },
  entries: readonly T[],
  change: (entry: T) => { writes: TransactItem[]; delta: ActionCountDelta },
): Promise<number> {
  const skipped = () => new ConflictError('skipped', 'already applied');
  const apply = async (group: readonly T[]) => {
    const changes = group.map(change);
    await transactWrite(
      ctx,
      [
        ...changes.flatMap((entry) => entry.writes),
        ...actionCountUpdates(ctx.tableName, owner, addDeltas(...changes.map((entry) => entry.delta))),
      ],
      skipped,
    );
  };
  let applied = 0;
  for (let start = 0; start < entries.length; start += DRAIN_CHUNK) {
    const chunk = entries.slice(start, start + DRAIN_CHUNK);
    try {
      await apply(chunk);
      applied += chunk.length;
      continue;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    for (const entry of chunk) {
      try {
        await apply([entry]);
        applied++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }
  return applied;
}

/** The action cancelled by an amendment that found its gap closed. */
export function cancelledAction(before: Action, actor: string, at: string): Action {
  const { overdueCounted: _counted, ...rest } = before;
  return {
    ...rest,
    status: 'cancelled',
    version: before.version + 1,
    updatedAt: at,
    updatedBy: actor,
  };
}
