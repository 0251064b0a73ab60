import { isDeepStrictEqual } from 'node:util';
import {
  type Accident,
  type Action,
  type ActionCountDelta,
  type Assessment,
  countActions,
  coverageAdds,
  coverageFromCounts,
  type DbContext,
  type Enterprise,
  type Evidence,
  evidenceYearFacts,
  type FirmProfileFacts,
  type FirmYearFacts,
  getCoverage,
  getDataFormatVersion,
  getEnterpriseActionCounts,
  getTargetEntry,
  getZoneAccidentCounts,
  getZoneActionCounts,
  getZoneEnterpriseCounts,
  getZoneStats,
  isPeriodic,
  listAccidents,
  listActionsOfEnterprise,
  listAnnualData,
  listAssessments,
  listEnterprisesInZone,
  listEvidence,
  listFirmYearFacts,
  listZones,
  listZoneYearTallies,
  noFirmYearFacts,
  type Page,
  putActionCounts,
  putCoverageCounts,
  putFirmYearFacts,
  putLatestScoreIfAbsent,
  putZoneAccidentCounts,
  putZoneStats,
  putZoneYearTallies,
  rebuildZoneEnterpriseCounts,
  type StoredScore,
  setDataFormatVersion,
  setEnterpriseZoneName,
  type Zone,
  type ZoneAccidentCounts,
  type ZoneStats,
  zoneYearTotals,
} from '@antoan/db';
import { expiredCriticalEvidenceOf } from '../evidence-signal';
import { refreshTargetPriority } from '../targeting';
import { appendixTwoComplete, countsInReport } from '../use-cases/annual-report-complete';

/**
 * The data format this code keeps. Bump it when a change adds counters or index entries that older data lacks,
 * and add the rebuilder that derives them: the local platform then runs the backfill on an older `.data/`, and
 * the AWS deployment runs it after deploy.
 *  - 1: before versions were recorded.
 *  - 2: zone registrations, zone period counters, score index, zone accident counters, evidence coverage,
 *    target index.
 *  - 3: firm and zone year counters (annual report), firm and zone action counters.
 *  - 4: the zone's name copied onto each firm record (its profile reads one item).
 */
export const DATA_FORMAT_VERSION = 4;

/** One enterprise's records, each read at most once per run whichever rebuilders ask. */
export interface EnterpriseRecords {
  enterprise: Enterprise;
  assessments(): Promise<Assessment[]>;
  accidents(): Promise<Accident[]>;
  evidence(): Promise<Evidence[]>;
  actions(): Promise<Action[]>;
}

/** What a rebuilder did: the derived items it compared with the stored ones, and how many it rewrote. */
export interface RebuildCount {
  checked: number;
  rewritten: number;
}

/** The day the run derives time-dependent entries for (Vietnam, `YYYY-MM-DD`), and the run's timestamp. */
export interface BackfillInput {
  today: string;
}

/**
 * Derives one kind of counter or index entry from the records. A run makes a fresh one (`create`), shows it
 * every zone and every enterprise once, then calls `finish`. It must be idempotent: it compares what it derives
 * with what is stored and writes only the difference, so a second run rewrites nothing.
 */
export interface Rebuilder {
  readonly name: string;
  create(db: DbContext, input: BackfillInput): RebuildPass;
}

export interface RebuildPass {
  zone?(zone: Zone): Promise<void>;
  enterprise?(records: EnterpriseRecords): Promise<void>;
  finish(): Promise<RebuildCount>;
}

/** Reads every page of a listing. */
async function all<T>(list: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/** A zone's registrations by risk group and month (kept by `createEnterprise`). */
export const zoneRegistrationsRebuilder: Rebuilder = {
  name: 'zone-registrations',
  create(db) {
    const count: RebuildCount = { checked: 0, rewritten: 0 };
    return {
      async zone(zone) {
        count.checked++;
        const before = await getZoneEnterpriseCounts(db, zone.id);
        const after = await rebuildZoneEnterpriseCounts(db, zone.id);
        if (!isDeepStrictEqual(before, after)) count.rewritten++;
      },
      finish: async () => count,
    };
  },
};

const emptyStats = (): ZoneStats => ({
  draft: 0,
  submitted: 0,
  ratings: { A: 0, B: 0, C: 0, D: 0 },
  scoreSumTenths: 0,
  sections: {},
});

/** A zone's counters per period (drafts, submissions, ratings, score and section sums; kept by create and submit). */
export const zoneStatsRebuilder: Rebuilder = {
  name: 'zone-stats',
  create(db) {
    const tallies = new Map<string, { zoneId: string; period: string; stats: ZoneStats }>();
    return {
      async enterprise({ assessments }) {
        for (const assessment of await assessments()) {
          const key = `${assessment.zoneId}\u0000${assessment.period}`;
          let tally = tallies.get(key);
          if (!tally) {
            tally = { zoneId: assessment.zoneId, period: assessment.period, stats: emptyStats() };
            tallies.set(key, tally);
          }
          const { stats } = tally;
          if (assessment.status === 'draft' || !assessment.score) {
            stats.draft++;
            continue;
          }
          // As submitAssessment adds them.
          const score = assessment.score;
          stats.submitted++;
          stats.ratings[score.rating]++;
          stats.scoreSumTenths += Math.round(score.total * 10);
          for (const section of score.sections) {
            if (section.score === null) continue;
            const sum = stats.sections[section.id] ?? { sumTenths: 0, count: 0 };
            sum.sumTenths += Math.round(section.score * 10);
            sum.count++;
            stats.sections[section.id] = sum;
          }
        }
      },
      async finish() {
        const count: RebuildCount = { checked: 0, rewritten: 0 };
        for (const { zoneId, period, stats } of tallies.values()) {
          count.checked++;
          if (isDeepStrictEqual(await getZoneStats(db, zoneId, period), stats)) continue;
          await putZoneStats(db, zoneId, period, stats);
          count.rewritten++;
        }
        return count;
      },
    };
  },
};

type Submitted = Assessment & { status: 'submitted'; score: StoredScore; submittedAt: string };
const isSubmitted = (assessment: Assessment): assessment is Submitted =>
  assessment.status === 'submitted' && assessment.score !== undefined && assessment.submittedAt !== undefined;

/** Each submitted assessment's latest-score item: the zone's score index (gsi2), read by the firm lists. */
export const scoreIndexRebuilder: Rebuilder = {
  name: 'score-index',
  create(db) {
    const count: RebuildCount = { checked: 0, rewritten: 0 };
    return {
      async enterprise({ enterprise, assessments }) {
        for (const assessment of (await assessments()).filter(isSubmitted)) {
          count.checked++;
          const facts = {
            enterpriseName: enterprise.name,
            sectorCode: enterprise.sectorCode,
            headcount: enterprise.headcount,
            highRisk: enterprise.highRisk,
          };
          if (await putLatestScoreIfAbsent(db, assessment, facts)) count.rewritten++;
        }
      },
      finish: async () => count,
    };
  },
};

/** A zone's accident counters per year of occurrence (kept by `createAccident`). */
export const zoneAccidentsRebuilder: Rebuilder = {
  name: 'zone-accidents',
  create(db) {
    const tallies = new Map<string, { zoneId: string; year: string; counts: ZoneAccidentCounts }>();
    return {
      async enterprise({ accidents }) {
        for (const accident of await accidents()) {
          const year = accident.occurredOn.slice(0, 4);
          const key = `${accident.zoneId}\u0000${year}`;
          let tally = tallies.get(key);
          if (!tally) {
            const counts = { fatal: 0, serious: 0, minor: 0, victims: 0, fatalities: 0 };
            tally = { zoneId: accident.zoneId, year, counts };
            tallies.set(key, tally);
          }
          tally.counts[accident.severity]++;
          tally.counts.victims += accident.victims;
          tally.counts.fatalities += accident.fatalities;
        }
      },
      async finish() {
        const count: RebuildCount = { checked: 0, rewritten: 0 };
        for (const { zoneId, year, counts } of tallies.values()) {
          count.checked++;
          if (isDeepStrictEqual(await getZoneAccidentCounts(db, zoneId, year), counts)) continue;
          await putZoneAccidentCounts(db, zoneId, year, counts);
          count.rewritten++;
        }
        return count;
      },
    };
  },
};

/** An enterprise's coverage aggregate per year of issue, from its verified evidence (kept by `settleEvidence`). */
export const coverageRebuilder: Rebuilder = {
  name: 'evidence-coverage',
  create(db) {
    const count: RebuildCount = { checked: 0, rewritten: 0 };
    return {
      async enterprise({ enterprise, evidence }) {
        const years = new Map<string, Record<string, number>>();
        for (const item of await evidence()) {
          if (item.status !== 'verified') continue;
          const year = item.issuedOn.slice(0, 4);
          const counts = years.get(year) ?? {};
          for (const [name, add] of Object.entries(coverageAdds(item)))
            counts[name] = (counts[name] ?? 0) + add;
          years.set(year, counts);
        }
        for (const [year, counts] of years) {
          count.checked++;
          const stored = await getCoverage(db, enterprise.id, year);
          if (isDeepStrictEqual(stored, coverageFromCounts(year, counts))) continue;
          await putCoverageCounts(db, enterprise.id, year, counts);
          count.rewritten++;
        }
      },
      finish: async () => count,
    };
  },
};

/** A firm's year facts derived from its records, for the years that have any (see `firmYearFactsOf`). */
async function derivedFirmYears(
  db: DbContext,
  records: EnterpriseRecords,
): Promise<Map<string, Omit<FirmYearFacts, 'version'>>> {
  const { enterprise } = records;
  const [assessments, accidents, evidence, annual] = await Promise.all([
    records.assessments(),
    records.accidents(),
    records.evidence(),
    listAnnualData(db, enterprise.id),
  ]);
  const years = new Set<string>();
  const byYear = <T>(items: readonly T[], yearOf: (item: T) => string) => {
    const grouped = new Map<string, T[]>();
    for (const item of items) {
      const year = yearOf(item);
      years.add(year);
      grouped.set(year, [...(grouped.get(year) ?? []), item]);
    }
    return grouped;
  };
  const submitted = byYear(
    assessments.filter((assessment) => isPeriodic(assessment) && isSubmitted(assessment)) as Submitted[],
    (assessment) => assessment.period.slice(0, 4),
  );
  // The documents that count, in verification order (the live path counts a copy of a file once, the first).
  const counting = byYear(
    evidence
      .filter(countsInReport)
      .sort((a, b) => (a.verifiedAt ?? '').localeCompare(b.verifiedAt ?? '') || a.id.localeCompare(b.id)),
    (item) => item.issuedOn.slice(0, 4),
  );
  const forms = new Map(annual.map((form) => [form.year, form]));
  for (const year of forms.keys()) years.add(year);
  const derived = new Map<string, Omit<FirmYearFacts, 'version'>>();
  for (const year of years) {
    const form = forms.get(year) ?? { enterpriseId: enterprise.id, year, version: 0, data: {} };
    const workforce = form.data.workforce as { total?: number; hazardous?: number } | undefined;
    const documents = counting.get(year) ?? [];
    const latest = (submitted.get(year) ?? []).reduce<Submitted | undefined>(
      (newest, assessment) => (newest && newest.submittedAt >= assessment.submittedAt ? newest : assessment),
      undefined,
    );
    derived.set(year, {
      annualHeadcount: workforce?.total ?? null,
      annualHazardous: workforce?.hazardous ?? null,
      ...evidenceYearFacts(documents),
      submitted: latest !== undefined,
      rating: latest?.score.rating ?? null,
      reportComplete: appendixTwoComplete({
        enterprise,
        annual: form,
        accidents: accidents.filter((accident) => accident.occurredOn.startsWith(year)),
        evidence: documents,
      }),
    });
  }
  return derived;
}

/** Facts compared as the counters see them: a file's place in the list of counted documents does not matter. */
const comparable = ({ version: _version, ...facts }: FirmYearFacts) => ({
  ...facts,
  documents: [...facts.documents].sort(),
});

/**
 * A firm's year facts (`ENT#e / YEAR#yyyy`: the annual form's headcounts, occupational-disease exams, monitoring,
 * submitted, rating, Appendix II complete) and its zone's year counters (`ZONE#z / YEAR#yyyy`, their sums), from
 * the annual forms, submitted periodic self-checks, accidents and the documents that count. A stored year that no
 * record supports any more goes back to zeros.
 */
export const yearCountersRebuilder: Rebuilder = {
  name: 'year-counters',
  create(db) {
    const count: RebuildCount = { checked: 0, rewritten: 0 };
    const zones: string[] = [];
    const firms = new Map<string, Array<{ profile: FirmProfileFacts; facts: FirmYearFacts }>>();
    return {
      async zone(zone) {
        zones.push(zone.id);
      },
      async enterprise(records) {
        const { enterprise } = records;
        const profile: FirmProfileFacts = {
          zoneId: enterprise.zoneId,
          headcount: enterprise.headcount,
          hazardous: enterprise.workforce.hazardous,
        };
        const [derived, stored] = await Promise.all([
          derivedFirmYears(db, records),
          listFirmYearFacts(db, enterprise.id),
        ]);
        for (const year of new Set([...derived.keys(), ...stored.keys()])) {
          const before = stored.get(year) ?? noFirmYearFacts;
          const facts = { ...noFirmYearFacts, ...derived.get(year), version: before.version };
          const key = `${enterprise.zoneId}\u0000${year}`;
          firms.set(key, [...(firms.get(key) ?? []), { profile, facts }]);
          count.checked++;
          if (isDeepStrictEqual(comparable(before), comparable(facts))) continue;
          // The next version, so a live writer holding the old one reads again.
          const target = { enterpriseId: enterprise.id, zoneId: enterprise.zoneId, year };
          await putFirmYearFacts(db, target, { ...facts, version: before.version + 1 });
          count.rewritten++;
        }
      },
      async finish() {
        for (const zoneId of zones) {
          const stored = await listZoneYearTallies(db, zoneId);
          const years = new Set(stored.keys());
          for (const key of firms.keys())
            if (key.startsWith(`${zoneId}\u0000`)) years.add(key.split('\u0000')[1] ?? '');
          for (const year of years) {
            count.checked++;
            const totals = zoneYearTotals(firms.get(`${zoneId}\u0000${year}`) ?? []);
            if (isDeepStrictEqual(stored.get(year) ?? zoneYearTotals([]), totals)) continue;
            await putZoneYearTallies(db, zoneId, year, totals);
            count.rewritten++;
          }
        }
        return count;
      },
    };
  },
};

/**
 * The action counters (`ACTION_COUNTS`) of each firm and each zone: `open` its pending actions, `overdue` those the
 * daily job (or a reopening past due) counted overdue, from the actions themselves.
 */
export const actionCountsRebuilder: Rebuilder = {
  name: 'action-counts',
  create(db) {
    const count: RebuildCount = { checked: 0, rewritten: 0 };
    const zones: string[] = [];
    const ofZone = new Map<string, Action[]>();
    const settle = async (
      stored: ActionCountDelta,
      counted: ActionCountDelta,
      owner: { zoneId: string } | { enterpriseId: string },
    ) => {
      count.checked++;
      if (isDeepStrictEqual(stored, counted)) return;
      await putActionCounts(db, owner, counted);
      count.rewritten++;
    };
    return {
      async zone(zone) {
        zones.push(zone.id);
      },
      async enterprise({ enterprise, actions }) {
        const list = await actions();
        for (const action of list) ofZone.set(action.zoneId, [...(ofZone.get(action.zoneId) ?? []), action]);
        const stored = await getEnterpriseActionCounts(db, enterprise.id);
        await settle(stored, countActions(list), { enterpriseId: enterprise.id });
      },
      async finish() {
        for (const zoneId of zones)
          await settle(await getZoneActionCounts(db, zoneId), countActions(ofZone.get(zoneId) ?? []), {
            zoneId,
          });
        return count;
      },
    };
  },
};

/**
 * A firm's entry in the priority index (gsi1/gsi2 `TARGETS#`), computed as the live path does. Only firms
 * without an entry get one: an existing entry is kept current by the writes and the daily re-rank, and
 * recomputing it would only move its timestamps. Runs after the score index, which it reads.
 */
export const targetIndexRebuilder: Rebuilder = {
  name: 'target-index',
  create(db, { today }) {
    const count: RebuildCount = { checked: 0, rewritten: 0 };
    return {
      async enterprise({ enterprise }) {
        count.checked++;
        if (await getTargetEntry(db, enterprise.id)) return;
        const expiredCriticalEvidence = await expiredCriticalEvidenceOf(db, enterprise.id, today);
        await refreshTargetPriority(db, enterprise.id, today, { expiredCriticalEvidence });
        count.rewritten++;
      },
      finish: async () => count,
    };
  },
};

/**
 * The zone's name on each firm record (`zoneName`), which registration copies so the firm's profile reads one item.
 * Firms registered before the copy was kept get it; a copy that differs from the zone's name is set right.
 */
export const zoneNameRebuilder: Rebuilder = {
  name: 'zone-names',
  create(db) {
    const count: RebuildCount = { checked: 0, rewritten: 0 };
    let current: Zone | undefined;
    return {
      async zone(zone) {
        current = zone;
      },
      async enterprise({ enterprise }) {
        count.checked++;
        if (!current || current.id !== enterprise.zoneId || enterprise.zoneName === current.name) return;
        if (await setEnterpriseZoneName(db, enterprise.id, current.name)) count.rewritten++;
      },
      finish: async () => count,
    };
  },
};

/**
 * The rebuilders a run applies, in order. Add one here (and bump `DATA_FORMAT_VERSION`) when a change starts
 * keeping a new counter or index entry.
 */
export const rebuilders: readonly Rebuilder[] = [
  zoneRegistrationsRebuilder,
  zoneStatsRebuilder,
  scoreIndexRebuilder,
  zoneAccidentsRebuilder,
  coverageRebuilder,
  yearCountersRebuilder,
  actionCountsRebuilder,
  targetIndexRebuilder,
  zoneNameRebuilder,
];

/** What a run did. */
export interface BackfillRun {
  zones: number;
  enterprises: number;
  rebuilt: Record<string, RebuildCount>;
  dataFormatVersion: number;
}

/**
 * Rebuilds the counters and index entries from the records, for data written before the code that keeps them.
 * Walks every zone and its enterprises through their named access patterns (never a scan), and rewrites only
 * what differs, so running it twice changes nothing. Then records `DATA_FORMAT_VERSION`. Writes are not
 * transactions with live traffic: run it after a deploy, when a new counter starts being kept.
 * @example await runBackfill({ db }, { today: vietnamDate(new Date()) })
 */
export async function runBackfill(
  deps: { db: DbContext },
  input: BackfillInput,
  options: { rebuilders?: readonly Rebuilder[]; at?: string } = {},
): Promise<BackfillRun> {
  const { db } = deps;
  const passes = (options.rebuilders ?? rebuilders).map((rebuilder) => ({
    name: rebuilder.name,
    pass: rebuilder.create(db, input),
  }));
  const zones = await all((cursor) => listZones(db, { limit: 100, cursor }));
  let enterprises = 0;
  for (const zone of zones) {
    for (const { pass } of passes) await pass.zone?.(zone);
    const firms = await all((cursor) => listEnterprisesInZone(db, { zoneId: zone.id, limit: 100, cursor }));
    for (const enterprise of firms) {
      enterprises++;
      const records = enterpriseRecords(db, enterprise);
      for (const { pass } of passes) await pass.enterprise?.(records);
    }
  }
  const rebuilt: Record<string, RebuildCount> = {};
  for (const { name, pass } of passes) rebuilt[name] = await pass.finish();
  await setDataFormatVersion(db, DATA_FORMAT_VERSION, options.at ?? new Date().toISOString());
  return { zones: zones.length, enterprises, rebuilt, dataFormatVersion: DATA_FORMAT_VERSION };
}

/** The records of one enterprise, read lazily and once. */
function enterpriseRecords(db: DbContext, enterprise: Enterprise): EnterpriseRecords {
  let assessments: Promise<Assessment[]> | undefined;
  let accidents: Promise<Accident[]> | undefined;
  let evidence: Promise<Evidence[]> | undefined;
  let actions: Promise<Action[]> | undefined;
  return {
    enterprise,
    assessments() {
      assessments ??= all((cursor) =>
        listAssessments(db, { enterpriseId: enterprise.id, limit: 100, cursor }),
      );
      return assessments;
    },
    accidents() {
      accidents ??= all((cursor) => listAccidents(db, { enterpriseId: enterprise.id, limit: 100, cursor }));
      return accidents;
    },
    evidence() {
      evidence ??= all((cursor) => listEvidence(db, { enterpriseId: enterprise.id, limit: 100, cursor }));
      return evidence;
    },
    actions() {
      actions ??= all((cursor) =>
        listActionsOfEnterprise(db, { enterpriseId: enterprise.id, limit: 100, cursor }),
      );
      return actions;
    },
  };
}

/**
 * Brings older data to `DATA_FORMAT_VERSION` by running the backfill, or does nothing when it is current.
 * The local platform calls it at every start.
 */
export async function ensureDataFormat(
  deps: { db: DbContext },
  input: BackfillInput,
): Promise<{ from: number; run?: BackfillRun }> {
  const from = await getDataFormatVersion(deps.db);
  if (from >= DATA_FORMAT_VERSION) return { from };
  return { from, run: await runBackfill(deps, input) };
}
