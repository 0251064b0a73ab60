import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from './batch';
import type { DbContext } from './client';
import { DbError, TransientDbError } from './errors';
import { keys } from './keys';
import { queryAll } from './query';
import { read, type TransactItem, transactWrite } from './transact';

type Rating = 'A' | 'B' | 'C' | 'D';
const ratings: readonly Rating[] = ['A', 'B', 'C', 'D'];

/**
 * What one firm contributes to its zone's report figures for a calendar year. Kept in its own item beside the
 * firm's records, so that a change (a headcount corrected in the annual form, a second examination record)
 * moves the zone's counters by exactly the difference, and a firm is counted once however many records it has.
 */
export interface FirmYearFacts {
  /** The year's headcount from the annual form; null: the profile's headcount counts. */
  annualHeadcount: number | null;
  /** The year's workers in heavy, hazardous or dangerous jobs from the annual form; null: the profile's. */
  annualHazardous: number | null;
  /** Workers covered by verified occupational-disease exam evidence issued in the year (before the cap). */
  odExamined: number;
  /** Verified work-environment monitoring evidence issued in the year exists. */
  monitored: boolean;
  /** SHA-256 of the documents already counted, so the same file uploaded twice is counted once. */
  documents: string[];
  /** A periodic self-check of a period of this year was submitted. */
  submitted: boolean;
  /** The rating of the latest self-check submitted for a period of this year. */
  rating: Rating | null;
  /** The year's Appendix II report had nothing missing when its annual form was last saved. */
  reportComplete: boolean;
  /** Optimistic-concurrency version of the item; 0 when it does not exist yet. */
  version: number;
}

/** The profile facts the counters need: its zone, headcount and workers in hazardous jobs. */
export interface FirmProfileFacts {
  zoneId: string;
  headcount: number;
  hazardous: number;
}

export const noFirmYearFacts: FirmYearFacts = {
  annualHeadcount: null,
  annualHazardous: null,
  odExamined: 0,
  monitored: false,
  documents: [],
  submitted: false,
  rating: null,
  reportComplete: false,
  version: 0,
};

/**
 * The most occupational-disease examinations a firm can count in a year: its workers in hazardous jobs, or its
 * headcount when that is unknown (0, which the profile cannot tell from "none").
 */
export function occupationalDiseaseCap(profile: FirmProfileFacts, facts: FirmYearFacts): number {
  const hazardous = facts.annualHazardous ?? profile.hazardous;
  return hazardous > 0 ? hazardous : (facts.annualHeadcount ?? profile.headcount);
}

/** What the firm adds to each of its zone's year counters. */
function contribution(profile: FirmProfileFacts, facts: FirmYearFacts): Record<string, number> {
  const counted: Record<string, number> = {
    headcountAdjust: (facts.annualHeadcount ?? profile.headcount) - profile.headcount,
    hazardousAdjust: (facts.annualHazardous ?? profile.hazardous) - profile.hazardous,
    odExamined: Math.min(facts.odExamined, occupationalDiseaseCap(profile, facts)),
    monitored: facts.monitored ? 1 : 0,
    submitted: facts.submitted ? 1 : 0,
    reportsComplete: facts.reportComplete ? 1 : 0,
  };
  for (const rating of ratings) counted[`rating#${rating}`] = facts.rating === rating ? 1 : 0;
  return counted;
}

/** The change to the zone's year counters when a firm's facts go from `before` to `after` (zeros left out). */
export function zoneYearAdds(
  profile: FirmProfileFacts,
  before: FirmYearFacts,
  after: FirmYearFacts,
): Record<string, number> {
  const was = contribution(profile, before);
  const now = contribution(profile, after);
  return Object.fromEntries(
    Object.entries(now)
      .map(([name, value]) => [name, value - (was[name] ?? 0)] as const)
      .filter(([, difference]) => difference !== 0),
  );
}

const toFacts = (item: Record<string, unknown> | undefined): FirmYearFacts =>
  item === undefined
    ? noFirmYearFacts
    : {
        annualHeadcount: typeof item.annualHeadcount === 'number' ? item.annualHeadcount : null,
        annualHazardous: typeof item.annualHazardous === 'number' ? item.annualHazardous : null,
        odExamined: typeof item.odExamined === 'number' ? item.odExamined : 0,
        monitored: item.monitored === true,
        documents: Array.isArray(item.documents) ? (item.documents as string[]) : [],
        submitted: item.submitted === true,
        rating: ratings.includes(item.rating as Rating) ? (item.rating as Rating) : null,
        reportComplete: item.reportComplete === true,
        version: typeof item.version === 'number' ? item.version : 0,
      };

/** One firm's facts for a year (none yet: zeros and version 0). */
export async function getFirmYearFacts(
  ctx: DbContext,
  enterpriseId: string,
  year: string,
): Promise<FirmYearFacts> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.firmYear(enterpriseId, year),
        ConsistentRead: true,
      }),
    ),
  );
  return toFacts(Item);
}

async function getProfileFacts(ctx: DbContext, enterpriseId: string): Promise<FirmProfileFacts | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.enterprise(enterpriseId),
        ProjectionExpression: 'zoneId, headcount, workforce',
        ConsistentRead: true,
      }),
    ),
  );
  if (!Item) return undefined;
  const workforce = Item.workforce as { hazardous?: number } | undefined;
  return {
    zoneId: Item.zoneId as string,
    headcount: Item.headcount as number,
    hazardous: workforce?.hazardous ?? 0,
  };
}

/** The firm-year item moved since it was read; the write is tried again from a fresh read. */
class FirmYearChanged extends DbError {
  override name = 'FirmYearChanged';
}

/**
 * The two writes that move a firm's year facts as `change` turns them: the facts item (condition: the version
 * read, or absent) and the zone's year counters moved by the difference. Empty when the firm is not registered
 * (no zone figures to keep). For a caller that commits them in a transaction of its own: if one of them fails
 * its condition, the facts moved meanwhile and the caller plans again from a fresh read.
 */
export async function firmYearWrites(
  ctx: DbContext,
  target: { enterpriseId: string; year: string },
  change: (before: FirmYearFacts) => FirmYearFacts,
): Promise<TransactItem[]> {
  const profile = await getProfileFacts(ctx, target.enterpriseId);
  return profile ? planFirmYear(ctx, profile, target, change) : [];
}

async function planFirmYear(
  ctx: DbContext,
  profile: FirmProfileFacts,
  target: { enterpriseId: string; year: string },
  change: (before: FirmYearFacts) => FirmYearFacts,
): Promise<TransactItem[]> {
  const before = await getFirmYearFacts(ctx, target.enterpriseId, target.year);
  const after = { ...change(before), version: before.version + 1 };
  const adds = zoneYearAdds(profile, before, after);
  const addNames = Object.keys(adds);
  const { version: _version, ...stored } = after;
  return [
    {
      Put: {
        TableName: ctx.tableName,
        Item: {
          ...keys.firmYear(target.enterpriseId, target.year),
          type: 'firm_year',
          enterpriseId: target.enterpriseId,
          zoneId: profile.zoneId,
          year: target.year,
          ...stored,
          version: after.version,
        },
        ...(before.version === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: '#version = :version',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':version': before.version },
            }),
      },
    },
    {
      Update: {
        TableName: ctx.tableName,
        Key: keys.zoneYear(profile.zoneId, target.year),
        UpdateExpression: `SET #type = :type, #zoneId = :zoneId, #year = :year${
          addNames.length === 0 ? '' : ` ADD ${addNames.map((_, i) => `#a${i} :a${i}`).join(', ')}`
        }`,
        ExpressionAttributeNames: {
          '#type': 'type',
          '#zoneId': 'zoneId',
          '#year': 'year',
          ...Object.fromEntries(addNames.map((name, i) => [`#a${i}`, name])),
        },
        ExpressionAttributeValues: {
          ':type': 'zone_year',
          ':zoneId': profile.zoneId,
          ':year': target.year,
          ...Object.fromEntries(addNames.map((name, i) => [`:a${i}`, adds[name]])),
        },
      },
    },
  ];
}

/**
 * Writes `items` together with the firm's year facts as `change` turns them, and the zone's year counters moved
 * by the difference, in one transaction. The facts item is written only if its version is the one read, so two
 * concurrent writers never both count the same firm; the loser reads again and retries. `onConditionFailed`
 * gets the index of a failed condition among `items`. A firm that is not registered (no profile) has no zone
 * figures to keep: only `items` are written.
 */
export async function transactWithFirmYear(
  ctx: DbContext,
  target: { enterpriseId: string; year: string },
  change: (before: FirmYearFacts) => FirmYearFacts,
  items: TransactItem[],
  onConditionFailed: (index: number) => DbError,
  attempts = 5,
): Promise<void> {
  const profile = await getProfileFacts(ctx, target.enterpriseId);
  if (!profile) return transactWrite(ctx, items, onConditionFailed);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const tallies = await planFirmYear(ctx, profile, target, change);
    try {
      await transactWrite(ctx, [...items, ...tallies], (index) =>
        index >= items.length ? new FirmYearChanged('firm year changed') : onConditionFailed(index),
      );
      return;
    } catch (error) {
      if (!(error instanceof FirmYearChanged)) throw error;
    }
  }
  throw new TransientDbError('the firm’s year figures kept changing; retry');
}

/** The evidence facts of a firm's year as settling its verified documents adds them (see `settleEvidence`). */
export interface EvidenceYearFacts {
  odExamined: number;
  monitored: boolean;
  documents: string[];
}

/**
 * The evidence facts of a year derived from the documents that count (verified, not deleted, not rejected on
 * review), as settling them one by one adds them: an occupational-disease exam adds the workers it covers, a
 * monitoring report marks the firm monitored, a document (by SHA-256) counts once. `documents` follows the
 * order given (verification order keeps the live path's choice among copies of one file).
 */
export function evidenceYearFacts(
  evidence: ReadonlyArray<{ kind: string; sha256: string; workersCovered?: number }>,
): EvidenceYearFacts {
  const facts: EvidenceYearFacts = { odExamined: 0, monitored: false, documents: [] };
  for (const item of evidence) {
    if (item.kind !== 'occupational_disease_exam' && item.kind !== 'environment_monitoring_report') continue;
    const document = item.sha256.toLowerCase();
    if (facts.documents.includes(document)) continue;
    facts.documents.push(document);
    if (item.kind === 'environment_monitoring_report') facts.monitored = true;
    else facts.odExamined += item.workersCovered ?? 0;
  }
  return facts;
}

/** Every year item of one firm (its own partition, `YEAR#`), by year. */
export async function listFirmYearFacts(
  ctx: DbContext,
  enterpriseId: string,
): Promise<Map<string, FirmYearFacts>> {
  const found = await queryAll(
    ctx,
    { partition: keys.enterprise(enterpriseId).pk, sortBeginsWith: 'YEAR#' },
    (item) => [String(item.year), toFacts(item)] as const,
  );
  return new Map(found);
}

/**
 * Replaces a firm's year item with facts derived from its records (the backfill), at the next version, so a
 * live writer that read the old one retries. Plain put: the backfill runs after a deploy, not under traffic.
 */
export async function putFirmYearFacts(
  ctx: DbContext,
  target: { enterpriseId: string; zoneId: string; year: string },
  facts: FirmYearFacts,
): Promise<void> {
  const { version, ...stored } = facts;
  await read(() =>
    ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: {
          ...keys.firmYear(target.enterpriseId, target.year),
          type: 'firm_year',
          enterpriseId: target.enterpriseId,
          zoneId: target.zoneId,
          year: target.year,
          ...stored,
          version,
        },
      }),
    ),
  );
}

/** A zone's year counters as they are stored (`zoneYearTotals` names), by year; absent names are 0. */
export async function listZoneYearTallies(
  ctx: DbContext,
  zoneId: string,
): Promise<Map<string, Record<string, number>>> {
  const found = await queryAll(
    ctx,
    { partition: `ZONE#${zoneId}`, sortBeginsWith: 'YEAR#' },
    (item) => [String(item.year), tallyOf(item)] as const,
  );
  return new Map(found);
}

/** The names a zone's year counters hold. */
const tallyNames = Object.keys(contribution({ zoneId: '', headcount: 0, hazardous: 0 }, noFirmYearFacts));

const tallyOf = (item: Record<string, unknown>): Record<string, number> =>
  Object.fromEntries(
    tallyNames.map((name) => [name, typeof item[name] === 'number' ? (item[name] as number) : 0]),
  );

/** What a zone's year counters hold when these firms' facts are counted: the sum of their contributions. */
export function zoneYearTotals(
  firms: ReadonlyArray<{ profile: FirmProfileFacts; facts: FirmYearFacts }>,
): Record<string, number> {
  const totals = tallyOf({});
  for (const { profile, facts } of firms)
    for (const [name, value] of Object.entries(contribution(profile, facts)))
      totals[name] = (totals[name] ?? 0) + value;
  return totals;
}

/** Replaces a zone's year counters (the backfill; see `putFirmYearFacts`). */
export async function putZoneYearTallies(
  ctx: DbContext,
  zoneId: string,
  year: string,
  tallies: Record<string, number>,
): Promise<void> {
  await read(() =>
    ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...keys.zoneYear(zoneId, year), type: 'zone_year', zoneId, year, ...tallyOf(tallies) },
      }),
    ),
  );
}

/** A zone's report counters for one year, as the firms' year facts and accident declarations keep them. */
export interface ZoneYearCounters {
  /** Sum over firms of (annual headcount − profile headcount) where the annual form gives one. */
  headcountAdjust: number;
  hazardousAdjust: number;
  /** Workers examined for occupational disease, each firm capped (see `occupationalDiseaseCap`). */
  odExamined: number;
  monitored: number;
  submitted: number;
  ratings: Record<Rating, number>;
  /** Firms whose Appendix II report for the year was complete when its form was last saved. */
  reportsComplete: number;
  accidents: number;
  fatalAccidents: number;
  victims: number;
  fatalities: number;
}

/** A zone's figures for a report: its registered firms (all months) and its counters for each year asked. */
export interface ZoneReportCounters {
  zoneId: string;
  firms: number;
  highRisk: number;
  /** Profile headcounts of the registered firms, summed. */
  headcount: number;
  hazardous: number;
  years: Record<string, ZoneYearCounters>;
}

/**
 * The report counters of these zones for these years, in one batch of reads: per zone its registrations item,
 * and per year its year counters and accident counters. The number of items read depends on the zones and
 * years only, never on how many firms they hold.
 */
export async function getZoneReportCounters(
  ctx: DbContext,
  zoneIds: readonly string[],
  years: readonly string[],
): Promise<ZoneReportCounters[]> {
  return toZoneReportCounters(
    await batchGetItems(ctx, zoneReportCounterKeys(zoneIds, years)),
    zoneIds,
    years,
  );
}

/** The items {@link getZoneReportCounters} reads, so that another batch (the zone dashboard's) can carry them. */
export function zoneReportCounterKeys(zoneIds: readonly string[], years: readonly string[]) {
  return zoneIds.flatMap((zoneId) => [
    keys.zoneEnterpriseCounts(zoneId),
    ...years.flatMap((year) => [keys.zoneYear(zoneId, year), keys.zoneAccidents(zoneId, year)]),
  ]);
}

/** The report counters of each zone from the items read with {@link zoneReportCounterKeys} (absent items are 0). */
export function toZoneReportCounters(
  items: readonly Record<string, unknown>[],
  zoneIds: readonly string[],
  years: readonly string[],
): ZoneReportCounters[] {
  const found = new Map<string, Record<string, unknown>>();
  for (const item of items) found.set(`${item.pk}|${item.sk}`, item);
  const get = (key: { pk: string; sk: string }) => found.get(`${key.pk}|${key.sk}`) ?? {};
  const number = (item: Record<string, unknown>, name: string) =>
    typeof item[name] === 'number' ? (item[name] as number) : 0;
  return zoneIds.map((zoneId) => {
    const registrations = get(keys.zoneEnterpriseCounts(zoneId));
    let firms = 0;
    let highRisk = 0;
    for (const [name, value] of Object.entries(registrations)) {
      if (typeof value !== 'number') continue;
      if (/^(highRisk|regular)#\d{4}-\d{2}$/.test(name)) firms += value;
      if (/^highRisk#\d{4}-\d{2}$/.test(name)) highRisk += value;
    }
    const counters: ZoneReportCounters = {
      zoneId,
      firms,
      highRisk,
      headcount: number(registrations, 'headcount'),
      hazardous: number(registrations, 'hazardous'),
      years: {},
    };
    for (const year of years) {
      const tally = get(keys.zoneYear(zoneId, year));
      const accidents = get(keys.zoneAccidents(zoneId, year));
      counters.years[year] = {
        headcountAdjust: number(tally, 'headcountAdjust'),
        hazardousAdjust: number(tally, 'hazardousAdjust'),
        odExamined: number(tally, 'odExamined'),
        monitored: number(tally, 'monitored'),
        submitted: number(tally, 'submitted'),
        reportsComplete: number(tally, 'reportsComplete'),
        ratings: {
          A: number(tally, 'rating#A'),
          B: number(tally, 'rating#B'),
          C: number(tally, 'rating#C'),
          D: number(tally, 'rating#D'),
        },
        accidents: number(accidents, 'fatal') + number(accidents, 'serious') + number(accidents, 'minor'),
        fatalAccidents: number(accidents, 'fatal'),
        victims: number(accidents, 'victims'),
        fatalities: number(accidents, 'fatalities'),
      };
    }
    return counters;
  });
}

/**
 * The firms of a zone whose Appendix II report for `year` is not marked complete, for the deadline reminders:
 * the zone's firm list (gsi1, ids only) and their year items in batches. It reads every firm of the zone, so it
 * runs on the few reminder days only, never on a request.
 */
export async function listFirmsWithIncompleteReport(
  ctx: DbContext,
  zoneId: string,
  year: string,
): Promise<Array<{ enterpriseId: string; name: string }>> {
  const firms = await queryAll(ctx, { index: 'gsi1', partition: keys.enterprisesOfZone(zoneId) }, (item) => ({
    enterpriseId: item.id as string,
    name: item.name as string,
  }));
  const complete = new Set<string>();
  for (let start = 0; start < firms.length; start += 100) {
    const found = await batchGetItems(
      ctx,
      firms.slice(start, start + 100).map((firm) => keys.firmYear(firm.enterpriseId, year)),
    );
    for (const item of found) if (item.reportComplete === true) complete.add(item.enterpriseId as string);
  }
  return firms.filter((firm) => !complete.has(firm.enterpriseId));
}
