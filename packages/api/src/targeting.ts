import { createHmac } from 'node:crypto';
import {
  type DbContext,
  divisionOf,
  getEnterprise,
  getEnterpriseActionCounts,
  getLatestInspection,
  getLatestSelfScore,
  getSelfChecks,
  getTargetEntry,
  getZone,
  inSampleOrder,
  listGraveAccidentsSince,
  listTargetEntriesOfZone,
  listZones,
  pageSizeFor,
  putTargetEntry,
  rankKey,
  type TargetEntry,
  type TargetReader,
  type TargetScope,
  targetsByPriority,
  targetsInSampleOrder,
} from '@antoan/db';
import {
  accidentDay,
  accidentsCountFrom,
  addDays,
  compareWithSelfCheck,
  DEFAULT_TARGETING_WEIGHTS,
  isoWeek,
  mustInclude,
  priorityOf,
  rankTargets,
  seededRandom,
  type TargetingReason,
  type TargetingWeights,
  type TargetSnapshot,
  targetingFactsOn,
} from '@antoan/domain';

/** How the list is drawn: the random share of each list and the weights of the priority. */
export interface TargetingPolicy {
  randomShare: number;
  weights: TargetingWeights;
  /** The server-side secret mixed into the weekly draw; see {@link drawSeed}. */
  drawSecret?: string | undefined;
}

/**
 * The seed of a week's random draw: HMAC-SHA-256 of the ISO week under the server's secret, so the draw is the same
 * all week but nobody without the secret can compute it. Without a secret, the week itself (reproducible in tests).
 * @example drawSeed(undefined, '2026-W48') // '2026-W48'
 */
export function drawSeed(secret: string | undefined, week: string): string {
  if (secret === undefined || secret === '') return week;
  return createHmac('sha256', secret).update(`targets:${week}`).digest('hex');
}

/** The policy every list uses: 10 % drawn at random, the model's default weights (`packages/domain/TARGETING.md`). */
export const DEFAULT_TARGETING_POLICY: TargetingPolicy = {
  randomShare: 0.1,
  weights: DEFAULT_TARGETING_WEIGHTS,
};

/**
 * Recomputes a firm's entry in the priority index from its records: profile, latest self-score, fatal and
 * serious accidents that can still count, latest inspection and the self-score of that inspection's period (the
 * credibility gap). Call it after any write that changes one of these facts. `expiredCriticalEvidence` is kept
 * from the stored entry unless given (the evidence job knows it). Returns the entry, or undefined for an
 * unknown firm. An older computation never replaces a newer one.
 * @example await refreshTargetPriority(deps.db, enterprise.id, vietnamDate(deps.now()))
 */
export async function refreshTargetPriority(
  db: DbContext,
  enterpriseId: string,
  today: string,
  options: { expiredCriticalEvidence?: number; policy?: TargetingPolicy } = {},
): Promise<TargetEntry | undefined> {
  const computedAt = new Date().toISOString();
  const [enterprise, latestScore, grave, inspection, stored, actionCounts] = await Promise.all([
    getEnterprise(db, enterpriseId),
    getLatestSelfScore(db, enterpriseId),
    // A UTC day earlier than the Vietnamese one, so an accident just after midnight in Vietnam is not missed.
    listGraveAccidentsSince(db, enterpriseId, addDays(accidentsCountFrom(today), -1)),
    getLatestInspection(db, enterpriseId),
    getTargetEntry(db, enterpriseId),
    getEnterpriseActionCounts(db, enterpriseId),
  ]);
  if (!enterprise) return undefined;
  const selfCheckOfInspectedPeriod = inspection
    ? (await getSelfChecks(db, enterpriseId, [inspection.period])).get(inspection.period)
    : undefined;
  const snapshot: TargetSnapshot = {
    sectorCode: enterprise.sectorCode,
    highRisk: enterprise.highRisk,
    headcount: enterprise.headcount,
    hazardousWorkers: enterprise.workforce.hazardous,
    registeredOn: enterprise.createdAt.slice(0, 10),
    selfScore: latestScore?.total ?? null,
    accidents: grave.map((accident) => ({
      severity: accident.severity,
      occurredOn: accidentDay(accident.occurredAt),
    })),
    expiredCriticalEvidence: options.expiredCriticalEvidence ?? stored?.snapshot.expiredCriticalEvidence ?? 0,
    // Item by item, over the items both scored (see compareWithSelfCheck).
    credibilityGap:
      inspection && selfCheckOfInspectedPeriod
        ? compareWithSelfCheck(inspection.score.items ?? [], selfCheckOfInspectedPeriod.items).itemGap
        : null,
  };
  if (enterprise.lastSubmittedOn !== undefined) snapshot.lastSubmittedOn = enterprise.lastSubmittedOn;
  if (inspection) snapshot.lastInspectedOn = inspection.conductedOn;
  if (actionCounts.overdue > 0) snapshot.overdueActions = actionCounts.overdue;
  const entry = rankedEntry(
    {
      enterpriseId,
      name: enterprise.name,
      zoneId: enterprise.zoneId,
      sectorCode: enterprise.sectorCode,
      computedAt,
      snapshot,
    },
    today,
    options.policy ?? DEFAULT_TARGETING_POLICY,
  );
  // Nothing behind the priority changed (same facts, same day): the stored entry stands, and nothing is written.
  if (stored && sameRanking(stored, entry)) return stored;
  await putTargetEntry(db, entry);
  return entry;
}

/** JSON with object keys sorted, so two equal values read back from DynamoDB in another key order compare equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/** Whether two entries rank the firm the same way from the same facts (the computation time aside). */
function sameRanking(a: TargetEntry, b: TargetEntry): boolean {
  const { computedAt: _a, ...left } = a;
  const { computedAt: _b, ...right } = b;
  return canonical(left) === canonical(right);
}

/** The entry with its priority and must-include flag on `today`, from its snapshot. */
export function rankedEntry(
  entry: Omit<TargetEntry, 'priority' | 'mustInclude' | 'refreshedOn'>,
  today: string,
  policy: TargetingPolicy,
): TargetEntry {
  const facts = targetingFactsOn(entry.enterpriseId, entry.snapshot, today);
  const { priority } = priorityOf(facts, { today, weights: policy.weights });
  return { ...entry, priority, mustInclude: mustInclude(facts), refreshedOn: today };
}

/**
 * Re-ranks a zone's entries for `today` from their stored snapshots, rewriting only those whose priority or
 * must-include flag changed (accidents age, self-checks fall due, an inspection's effect fades). Meant for a
 * daily job: it reads the whole zone. An entry refreshed meanwhile is left alone.
 */
export async function rerankZoneTargets(
  db: DbContext,
  zoneId: string,
  today: string,
  policy: TargetingPolicy = DEFAULT_TARGETING_POLICY,
): Promise<{ read: number; rewritten: number }> {
  let cursor: string | undefined;
  let read = 0;
  let rewritten = 0;
  do {
    const page = await listTargetEntriesOfZone(db, { zoneId, limit: 200, cursor });
    for (const entry of page.items) {
      read++;
      const fresh = rankedEntry(entry, today, policy);
      if (fresh.priority === entry.priority && fresh.mustInclude === entry.mustInclude) continue;
      // Same computedAt: a refresh that happened since has a later one and wins.
      if (await putTargetEntry(db, fresh)) rewritten++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { read, rewritten };
}

/** One entry of the inspector's list. */
export interface TargetListItem {
  enterpriseId: string;
  name: string;
  zoneId: string;
  sectorCode: string;
  priority: number;
  /** The latest self-score, or null when the firm never submitted. */
  score: number | null;
  sampled: boolean;
  reasons: TargetingReason[];
}

/** The list and what it cost: `itemsRead` counts every item DynamoDB read for it (zones included). */
export interface TargetList {
  items: TargetListItem[];
  week: string;
  randomShare: number;
  /** Where the next page resumes ({@link TargetListPosition} as JSON), or null when every firm in scope was listed. */
  nextCursor: string | null;
  itemsRead: number;
}

/**
 * Where a later page of the list resumes: after the index entry `after` (a rank key), skipping the firms the first
 * page drew at random (`drawn`), which sit anywhere in the index.
 */
export interface TargetListPosition {
  after: string;
  drawn: string[];
}

/** The position inside a cursor, or undefined when it is not one {@link listTargets} wrote. */
export function targetListPosition(cursor: string): TargetListPosition | undefined {
  try {
    const position = JSON.parse(cursor) as Partial<TargetListPosition>;
    if (
      typeof position.after === 'string' &&
      Array.isArray(position.drawn) &&
      position.drawn.every((id) => typeof id === 'string')
    )
      return { after: position.after, drawn: position.drawn };
  } catch {
    // Not JSON: not ours.
  }
  return undefined;
}

/** Whether the reader holds, from `pending` on, an entry that is not in `skip` (reading as few items as it can). */
async function holdsAnotherThan(
  reader: TargetReader,
  pending: TargetEntry | undefined,
  skip: ReadonlySet<string>,
): Promise<boolean> {
  for (let entry = pending; entry; entry = await reader.next()) {
    if (!skip.has(entry.enterpriseId)) return true;
  }
  return false;
}

/** The rest of a reader that holds nothing more to read (`complete`): the entries still buffered, no read made. */
async function restOf(reader: TargetReader, pending: TargetEntry | undefined): Promise<TargetEntry[]> {
  const rest = pending ? [pending] : [];
  for (let entry = await reader.next(); entry; entry = await reader.next()) rest.push(entry);
  return rest;
}

/**
 * Where the week's walk of the sample order starts: 16 hex digits drawn from the week's seed, so the draw is the
 * same all week and, with the server's secret, not computable by firms.
 */
function sampleStart(seed: string): string {
  const random = seededRandom(`sample:${seed}`);
  const hex = () =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return `${hex()}${hex()}`;
}

/**
 * The inspector's list from the priority index, reading about `limit` entries, never all firms:
 *
 * 1. k = round(limit × randomShare). Read the index from the top, merged across the zones in scope: every firm
 *    that must be listed (they sort first), then the best until limit − k are taken.
 * 2. Draw the k random picks from the rest: one walk of the sample order from a point drawn for the week (seeded by
 *    the ISO week and the server's secret, so the week's list is reproducible but not computable by firms), taking
 *    the firms it meets that are not taken yet.
 * 3. `rankTargets` orders them with priorities and reasons recomputed for `today`, and marks the picks
 *    `random_sample`.
 *
 * The reads overlap: the zone check, the first page of the priority index and the first page of the sample walk are
 * one round (the walk's start depends only on the week and the secret), each page sized so that the merge across
 * zones rarely has to read again (`pageSizeFor`), the walk's with room for the ranked firms it meets. When the
 * priority read holds the whole scope, the draw is made from it in memory, in the same order as the walk.
 *
 * Returns undefined when `zoneId` names no zone.
 */
export async function listTargets(
  db: DbContext,
  query: {
    zoneId?: string | undefined;
    sectorCode?: string | undefined;
    limit: number;
    /** A later page: where the previous one stopped. */
    after?: TargetListPosition | undefined;
  },
  today: string,
  policy: TargetingPolicy = DEFAULT_TARGETING_POLICY,
): Promise<TargetList | undefined> {
  const zones = await zonesInScope(db, query.zoneId);
  const scope: TargetScope = { zoneIds: zones.ids };
  if (query.sectorCode !== undefined) {
    scope.division = divisionOf(query.sectorCode);
    if (query.sectorCode.length > scope.division.length) scope.sectorPrefix = query.sectorCode;
  }
  if (query.after) return listLaterPage(db, scope, query.limit, query.after, today, policy, zones);
  const sampleSize = Math.round(query.limit * policy.randomShare);
  const ranked = query.limit - sampleSize;
  const week = isoWeek(today);
  const seed = drawSeed(policy.drawSecret, week);
  const from = sampleStart(seed);

  const byPriority = targetsByPriority(db, scope, pageSizeFor(ranked + 1, scope.zoneIds.length));
  // Twice the share, for the ranked firms the walk meets and skips.
  const walk =
    sampleSize > 0
      ? targetsInSampleOrder(db, scope, from, pageSizeFor(2 * sampleSize, scope.zoneIds.length))
      : undefined;
  const [exists] = await Promise.all([zones.exist, byPriority.prefetch(), walk?.prefetch()]);
  if (!exists) return undefined;

  const taken = new Map<string, TargetEntry>();
  let lastTaken: TargetEntry | undefined;
  let untaken: TargetEntry | undefined;
  // A partition read again reads only what the page can still take (and one to look ahead), not a whole page: when
  // firms that must be listed fill the page, the second read stays small.
  for (
    let entry = await byPriority.next();
    entry;
    entry = await byPriority.next(query.limit - taken.size + 1)
  ) {
    // Firms that must be listed sort first and take the random slots too when they outnumber the ranked ones; a
    // page never holds more than `limit`: beyond it they continue on the next page, so the read stays the page's size.
    if (taken.size >= (entry.mustInclude ? query.limit : ranked)) {
      untaken = entry;
      break;
    }
    taken.set(entry.enterpriseId, entry);
    lastTaken = entry;
  }

  const picks = new Map<string, TargetEntry>();
  const wanted = Math.min(sampleSize, Math.max(0, query.limit - taken.size));
  // The whole scope is in hand: the draw takes the same firms the walk would, with no read.
  const rest = byPriority.complete ? await restOf(byPriority, untaken) : undefined;
  if (wanted > 0 && rest) {
    for (const entry of inSampleOrder(rest, from).slice(0, wanted)) picks.set(entry.enterpriseId, entry);
  } else if (wanted > 0 && walk) {
    // One walk of the fixed pseudo-random order for the whole share (not one merge per pick).
    while (picks.size < wanted) {
      const entry = await walk.next();
      if (!entry) break;
      if (!taken.has(entry.enterpriseId) && !picks.has(entry.enterpriseId))
        picks.set(entry.enterpriseId, entry);
    }
  }

  const candidates = new Map([...taken, ...picks]);
  const list = rankTargets(
    [...candidates.values()].map((entry) => targetingFactsOn(entry.enterpriseId, entry.snapshot, today)),
    { limit: query.limit, seed, today, randomShare: policy.randomShare, weights: policy.weights },
  );
  const drawn = [...picks.keys()];
  const more =
    lastTaken !== undefined &&
    (rest
      ? rest.some((entry) => !picks.has(entry.enterpriseId))
      : await holdsAnotherThan(byPriority, untaken, new Set(drawn)));
  return {
    items: list.map((target) => listItem(candidates.get(target.enterpriseId) as TargetEntry, target)),
    week,
    randomShare: policy.randomShare,
    nextCursor: more && lastTaken ? JSON.stringify({ after: rankKey(lastTaken), drawn }) : null,
    itemsRead: zones.itemsRead + byPriority.itemsRead + (walk?.itemsRead ?? 0),
  };
}

const listItem = (
  entry: TargetEntry,
  target: { priority: number; sampled: boolean; reasons: TargetingReason[] },
): TargetListItem => ({
  enterpriseId: entry.enterpriseId,
  name: entry.name,
  zoneId: entry.zoneId,
  sectorCode: entry.sectorCode,
  priority: target.priority,
  score: entry.snapshot.selfScore,
  sampled: target.sampled,
  reasons: target.reasons,
});

/**
 * A page after the first: the next `limit` firms down the priority index, leaving out the firms the first page drew
 * at random. No share is drawn here: the weekly draw belongs to the list's first page, and the later pages are the
 * ranking continued for inspectors who want to look further. Undefined when the zone does not exist.
 */
async function listLaterPage(
  db: DbContext,
  scope: TargetScope,
  limit: number,
  position: TargetListPosition,
  today: string,
  policy: TargetingPolicy,
  zones: Scope,
): Promise<TargetList | undefined> {
  const drawn = new Set(position.drawn);
  const reader = targetsByPriority(
    db,
    scope,
    // The firms drawn on the first page may sit among these.
    pageSizeFor(limit + 1 + drawn.size, scope.zoneIds.length),
    position.after,
  );
  const [exists] = await Promise.all([zones.exist, reader.prefetch()]);
  if (!exists) return undefined;
  const taken = new Map<string, TargetEntry>();
  let lastTaken: TargetEntry | undefined;
  let untaken: TargetEntry | undefined;
  for (let entry = await reader.next(); entry; entry = await reader.next()) {
    if (drawn.has(entry.enterpriseId)) continue;
    if (taken.size >= limit) {
      untaken = entry;
      break;
    }
    taken.set(entry.enterpriseId, entry);
    lastTaken = entry;
  }
  const week = isoWeek(today);
  const list = rankTargets(
    [...taken.values()].map((entry) => targetingFactsOn(entry.enterpriseId, entry.snapshot, today)),
    { limit, seed: week, today, randomShare: 0, weights: policy.weights },
  );
  return {
    items: list.map((target) => listItem(taken.get(target.enterpriseId) as TargetEntry, target)),
    week,
    randomShare: policy.randomShare,
    nextCursor:
      untaken !== undefined && lastTaken
        ? JSON.stringify({ after: rankKey(lastTaken), drawn: position.drawn })
        : null,
    itemsRead: zones.itemsRead + reader.itemsRead,
  };
}

/** The zones a list covers, and whether they exist (a promise, so the check can run beside the first reads). */
interface Scope {
  ids: string[];
  exist: Promise<boolean>;
  itemsRead: number;
}

/**
 * The zones a list covers: the one asked for, known at once and checked beside the list's first reads (an unknown
 * zone has no index partition, so those reads find nothing); or every zone, read from the zone list (a few items).
 */
async function zonesInScope(db: DbContext, zoneId: string | undefined): Promise<Scope> {
  if (zoneId !== undefined) return { ids: [zoneId], exist: getZone(db, zoneId).then(Boolean), itemsRead: 1 };
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listZones(db, { limit: 200, cursor });
    ids.push(...page.items.map((zone) => zone.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { ids, exist: Promise.resolve(true), itemsRead: ids.length };
}

/**
 * Refreshes a firm's entry after a write that has already committed. A failure is logged, not raised: the write
 * stands and the request must say so; the next refresh of the firm or the daily re-rank repairs the entry.
 */
export async function refreshAfterWrite(
  db: DbContext,
  enterpriseId: string,
  today: string,
  options: { expiredCriticalEvidence?: number } = {},
): Promise<void> {
  try {
    await refreshTargetPriority(db, enterpriseId, today, options);
  } catch (error) {
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'target priority not refreshed',
        enterpriseId,
        error: String(error instanceof Error ? (error.stack ?? error) : error),
      }),
    );
  }
}
