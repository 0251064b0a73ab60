import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { keys } from './keys';
import { queryPage } from './query';
import { read } from './transact';

/** The dated facts behind a firm's priority (the domain's `TargetSnapshot`). */
export interface TargetSnapshotRecord {
  sectorCode: string;
  highRisk: boolean;
  headcount: number;
  hazardousWorkers: number;
  registeredOn: string;
  lastSubmittedOn?: string;
  selfScore: number | null;
  accidents: Array<{ severity: 'fatal' | 'serious' | 'minor'; occurredOn: string }>;
  expiredCriticalEvidence: number;
  credibilityGap: number | null;
  lastInspectedOn?: string;
  overdueActions?: number;
}

/** A firm's entry in the priority index. */
export interface TargetEntry {
  enterpriseId: string;
  name: string;
  zoneId: string;
  sectorCode: string;
  /** The priority on `refreshedOn`; the index is ordered by it. */
  priority: number;
  /** Whether the firm had to be listed on `refreshedOn` (a fatal accident that year); such firms come first. */
  mustInclude: boolean;
  refreshedOn: string;
  /** When the facts were read; an older computation never replaces a newer one. */
  computedAt: string;
  snapshot: TargetSnapshotRecord;
}

/** Which part of the index a request reads: some zones, optionally one VSIC division and a finer code prefix. */
export interface TargetScope {
  zoneIds: readonly string[];
  /** Letter and two digits (`C24`): the division partitions are read instead of the zone ones. */
  division?: string;
  /** A longer VSIC prefix inside the division (`C2410`), applied as a filter. */
  sectorPrefix?: string;
}

/** Reads entries one at a time, in index order, counting the items DynamoDB read (before any filter). */
export interface TargetReader {
  /**
   * The next entry. `wanted`, when given, is the most entries the caller may still take (this one included): a
   * partition read again then reads no more than that, instead of a whole page.
   */
  next(wanted?: number): Promise<TargetEntry | undefined>;
  /**
   * Reads the first page of every partition at once, so a caller can start it beside other reads instead of
   * waiting for its first `next()`; `next()` then reads more only when a partition's page runs out.
   */
  prefetch(): Promise<void>;
  readonly itemsRead: number;
  /** Whether every partition has been read to its end: what `next()` still gives is already in memory. */
  readonly complete: boolean;
}

type Item = Record<string, unknown>;

const PRIORITY_DIGITS = 12;
const MAX_PRIORITY_CENTS = 10 ** PRIORITY_DIGITS - 1;

/** The division of a VSIC code: its letter and first two digits (`C2410` → `C24`). */
export const divisionOf = (sectorCode: string) => sectorCode.slice(0, 3);

/**
 * The priority index's sort key: firms that must be listed first, then the highest priority, then by id.
 * @example rankKey({ priority: 22.16, mustInclude: false, enterpriseId: 'e1' }) // '1999999997783#e1'
 */
export function rankKey(entry: Pick<TargetEntry, 'priority' | 'mustInclude' | 'enterpriseId'>): string {
  const cents = Math.min(MAX_PRIORITY_CENTS, Math.max(0, Math.round(entry.priority * 100)));
  const inverted = String(MAX_PRIORITY_CENTS - cents).padStart(PRIORITY_DIGITS, '0');
  return `${entry.mustInclude ? '0' : '1'}${inverted}#${entry.enterpriseId}`;
}

/** The sample index's sort key: a hash of the id, so firms sit in a fixed order unrelated to anything they report. */
export function sampleKey(enterpriseId: string): string {
  return `${createHash('sha256').update(enterpriseId).digest('hex').slice(0, 16)}#${enterpriseId}`;
}

/**
 * Entries already in memory in the order {@link targetsInSampleOrder} walks them from `from`: the sample keys at or
 * after it, then (wrapping around) those before it. For a scope read whole, so the draw needs no index read.
 */
export function inSampleOrder<T extends Pick<TargetEntry, 'enterpriseId'>>(
  entries: Iterable<T>,
  from: string,
): T[] {
  const keyed = [...entries].map((entry) => {
    const key = sampleKey(entry.enterpriseId);
    return { entry, key: `${key >= from ? '0' : '1'}${key}` };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ entry }) => entry);
}

/** The two index items of an entry: under its zone, and under its zone and division. */
function indexedItems(entry: TargetEntry): Item[] {
  return [undefined, divisionOf(entry.sectorCode)].map((division) => ({
    ...keys.target(entry.enterpriseId, division !== undefined),
    type: 'target',
    gsi1pk: keys.targetsOfZone(entry.zoneId, division),
    gsi1sk: rankKey(entry),
    gsi2pk: keys.targetSampleOfZone(entry.zoneId, division),
    gsi2sk: sampleKey(entry.enterpriseId),
    ...entry,
  }));
}

/**
 * Stores a firm's entry under its zone and under its zone and division. Each item is written only if no later
 * computation is stored in it, so both converge on the latest computation without a transaction. Returns false
 * when a later computation was already stored.
 */
export async function putTargetEntry(ctx: DbContext, entry: TargetEntry): Promise<boolean> {
  const written = await Promise.all(
    indexedItems(entry).map((item) =>
      read(() =>
        ctx.doc.send(
          new PutCommand({
            TableName: ctx.tableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk) OR #computedAt <= :computedAt',
            ExpressionAttributeNames: { '#computedAt': 'computedAt' },
            ExpressionAttributeValues: { ':computedAt': entry.computedAt },
          }),
        ),
      ).then(
        () => true,
        (error: unknown) => {
          if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
          throw error;
        },
      ),
    ),
  );
  return written.every(Boolean);
}

/** What an entry is made of: what the priority and sample indexes (gsi1, gsi2) must project. */
export const targetEntryFields = [
  'enterpriseId',
  'name',
  'zoneId',
  'sectorCode',
  'priority',
  'mustInclude',
  'refreshedOn',
  'computedAt',
  'snapshot',
] as const;

const toEntry = (item: Record<string, unknown>): TargetEntry =>
  Object.fromEntries(targetEntryFields.map((name) => [name, item[name]])) as unknown as TargetEntry;

/** A firm's entry, or undefined when it was never indexed. */
export async function getTargetEntry(ctx: DbContext, enterpriseId: string): Promise<TargetEntry | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.target(enterpriseId, false),
        ConsistentRead: true,
      }),
    ),
  );
  return Item ? toEntry(Item) : undefined;
}

/** A zone's entries in index order, a page at a time: for jobs that re-rank a zone, not for requests. */
export function listTargetEntriesOfZone(
  ctx: DbContext,
  query: { zoneId: string; limit: number; cursor?: string | undefined },
): Promise<Page<TargetEntry>> {
  return queryPage(
    ctx,
    { index: 'gsi1', partition: keys.targetsOfZone(query.zoneId), limit: query.limit, cursor: query.cursor },
    toEntry,
  );
}

/** One partition being read a page at a time. */
interface PartitionRead {
  partition: string;
  buffer: Item[];
  after: Item | undefined;
  done: boolean;
}

/**
 * A k-way merge of sorted partitions of one index: each partition is read `pageSize` items at a time, and only
 * when its buffer is empty, so the items read stay close to the items taken.
 */
class IndexMerge implements TargetReader {
  itemsRead = 0;
  private readonly reads: PartitionRead[];

  constructor(
    private readonly ctx: DbContext,
    private readonly index: 'gsi1' | 'gsi2',
    partitions: readonly string[],
    private readonly options: {
      pageSize: number;
      sortRange?: { op: '>=' | '<' | '>'; value: string };
      sectorPrefix?: string;
    },
  ) {
    this.reads = partitions.map((partition) => ({ partition, buffer: [], after: undefined, done: false }));
  }

  get complete(): boolean {
    return this.reads.every((part) => part.done);
  }

  async prefetch(wanted?: number): Promise<void> {
    // A filtered read (a finer VSIC code) keeps whole pages: DynamoDB limits the items read before the filter.
    const size =
      wanted === undefined || this.options.sectorPrefix !== undefined
        ? this.options.pageSize
        : Math.max(1, Math.min(this.options.pageSize, wanted));
    await Promise.all(
      this.reads
        .filter((part) => part.buffer.length === 0 && !part.done)
        .map((part) => this.fill(part, size)),
    );
  }

  async next(wanted?: number): Promise<TargetEntry | undefined> {
    await this.prefetch(wanted);
    const sk = `${this.index}sk`;
    let best: PartitionRead | undefined;
    for (const part of this.reads) {
      const head = part.buffer[0];
      if (head === undefined) continue;
      if (best === undefined || String(head[sk]) < String(best.buffer[0]?.[sk])) best = part;
    }
    const item = best?.buffer.shift();
    return item ? toEntry(item) : undefined;
  }

  /** Reads pages until the partition yields an item or ends (a filtered page can be empty yet not the last). */
  private async fill(part: PartitionRead, pageSize: number): Promise<void> {
    const { sortRange, sectorPrefix } = this.options;
    const names: Record<string, string> = { '#pk': `${this.index}pk` };
    const values: Record<string, unknown> = { ':pk': part.partition };
    let condition = '#pk = :pk';
    if (sortRange) {
      names['#sk'] = `${this.index}sk`;
      values[':bound'] = sortRange.value;
      condition += ` AND #sk ${sortRange.op} :bound`;
    }
    if (sectorPrefix !== undefined) {
      names['#sector'] = 'sectorCode';
      values[':sector'] = sectorPrefix;
    }
    while (part.buffer.length === 0 && !part.done) {
      const result = await read(() =>
        this.ctx.doc.send(
          new QueryCommand({
            TableName: this.ctx.tableName,
            IndexName: this.index,
            KeyConditionExpression: condition,
            ...(sectorPrefix === undefined ? {} : { FilterExpression: 'begins_with(#sector, :sector)' }),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            Limit: pageSize,
            ExclusiveStartKey: part.after,
          }),
        ),
      );
      this.itemsRead += result.ScannedCount ?? 0;
      part.buffer.push(...(result.Items ?? []));
      part.after = result.LastEvaluatedKey;
      part.done = part.after === undefined;
    }
  }
}

/**
 * How many items to read per partition so that a merge across `partitions` usually gives its first `wanted` entries
 * in one round: the even share and two standard deviations of one partition's count (entries spread at random over
 * the partitions). A partition whose page runs out is read again before the merge gives anything more (its next
 * entry could be the smallest), so ask for one entry more than the caller takes. One partition reads `wanted`.
 * @example pageSizeFor(46, 1) // 46
 * @example pageSizeFor(46, 8) // 11
 */
export function pageSizeFor(wanted: number, partitions: number): number {
  const parts = Math.max(1, partitions);
  const share = wanted / parts;
  return Math.max(1, Math.ceil(share + 2 * Math.sqrt(share * (1 - 1 / parts))));
}

function partitionsOf(
  scope: TargetScope,
  partition: (zoneId: string, division?: string) => string,
): string[] {
  return scope.zoneIds.map((zoneId) => partition(zoneId, scope.division));
}

/**
 * The entries of the scope from the highest priority down (firms that must be listed first), merged across
 * its zones, reading `pageSize` items per partition at a time; with `after` (a {@link rankKey}), only the entries
 * that sort after it, so a later page resumes where the earlier one stopped.
 */
export function targetsByPriority(
  ctx: DbContext,
  scope: TargetScope,
  pageSize: number,
  after?: string,
): TargetReader {
  return new IndexMerge(ctx, 'gsi1', partitionsOf(scope, keys.targetsOfZone), {
    pageSize,
    ...(after === undefined ? {} : { sortRange: { op: '>', value: after } }),
    ...(scope.sectorPrefix === undefined ? {} : { sectorPrefix: scope.sectorPrefix }),
  });
}

/**
 * The entries of the scope in sample order (`sampleKey`), starting at `from` (16 hex digits) and wrapping around
 * once, read `pageSize` items per partition at a time (one by default): the first entry is the firm whose hash follows `from`, so a
 * uniformly random `from` picks every firm with about the same chance.
 */
export function targetsInSampleOrder(
  ctx: DbContext,
  scope: TargetScope,
  from: string,
  pageSize = 1,
): TargetReader {
  const partitions = partitionsOf(scope, keys.targetSampleOfZone);
  const filter = scope.sectorPrefix === undefined ? {} : { sectorPrefix: scope.sectorPrefix };
  const halves = [
    new IndexMerge(ctx, 'gsi2', partitions, { pageSize, sortRange: { op: '>=', value: from }, ...filter }),
    new IndexMerge(ctx, 'gsi2', partitions, { pageSize, sortRange: { op: '<', value: from }, ...filter }),
  ] as const;
  return {
    async next(wanted?: number) {
      return (await halves[0].next(wanted)) ?? (await halves[1].next(wanted));
    },
    // The walk starts in the first half; the second is read only if the first runs out (it wraps around).
    prefetch: () => halves[0].prefetch(),
    get itemsRead() {
      return halves[0].itemsRead + halves[1].itemsRead;
    },
    get complete() {
      return halves[0].complete && halves[1].complete;
    },
  };
}
