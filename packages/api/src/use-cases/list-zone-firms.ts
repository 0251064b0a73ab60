import { listZoneRoster, type RosterEntry, type RosterFirm } from '@antoan/db';
import {
  currentPeriods,
  formatPeriod,
  obligedGroupOf,
  type Period,
  parsePeriod,
  vietnamDate,
} from '@antoan/domain';
import type { ZoneFirmSortKey, ZoneFirmsQuery, ZoneRosterFirm, ZoneRosterPage } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { invalid } from '../errors';
import { failure, type Result, success } from './result';

/** Lower case without accents (`Đ` → `d`), so "thep" finds "Thép" and "da nang" finds "Đà Nẵng". */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

const STATUS_ORDER: Record<RosterEntry['status'], number> = { not_started: 0, draft: 1, submitted: 2 };
let collator: Intl.Collator | undefined;
/** Built on first sort, not at load: the first `Intl` object of a process loads ICU data (milliseconds of a cold start). */
const nameCollator = () => (collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true }));

/** The value a column sorts by; null sorts after every value, whatever the order. */
function sortValue(entry: RosterEntry, key: ZoneFirmSortKey): string | number | null {
  switch (key) {
    case 'name':
      return entry.name;
    case 'taxCode':
      return entry.taxCode;
    case 'sector':
      return entry.sectorCode;
    case 'schedule':
      return entry.highRisk ? 0 : 1;
    case 'status':
      return STATUS_ORDER[entry.status];
    case 'score':
      return entry.score;
    case 'rating':
      return entry.rating;
    case 'submittedAt':
      return entry.submittedAt;
  }
}

/**
 * The order of the list: by the column, `asc` or `desc`, unknown values (no score, no rating) last either way, ties by
 * name then id (always ascending), so every firm has one place and pages never repeat or skip one.
 */
export function compareEntries(key: ZoneFirmSortKey, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  return (a: RosterEntry, b: RosterEntry): number => {
    const [x, y] = [sortValue(a, key), sortValue(b, key)];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const byColumn =
        typeof x === 'number' && typeof y === 'number' ? x - y : nameCollator().compare(String(x), String(y));
      if (byColumn !== 0) return sign * byColumn;
    }
    return (
      nameCollator().compare(a.name, b.name) ||
      (a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0)
    );
  };
}

/** Whether a firm passes the query's search and filters. */
export function matches(
  entry: RosterEntry,
  query: Pick<ZoneFirmsQuery, 'q' | 'status' | 'rating' | 'sector'>,
): boolean {
  if (query.q !== undefined) {
    const wanted = foldText(query.q);
    const digits = query.q.replace(/[\s.-]/g, '');
    const byName = foldText(entry.name).includes(wanted);
    const byTaxCode = /^\d+$/.test(digits) && entry.taxCode.includes(digits);
    if (!byName && !byTaxCode) return false;
  }
  if (query.status !== undefined && entry.status !== query.status) return false;
  if (query.rating !== undefined && entry.rating !== query.rating) return false;
  if (query.sector !== undefined && !entry.sectorCode.startsWith(query.sector)) return false;
  return true;
}

const view = (entry: RosterEntry): ZoneRosterFirm => ({
  enterpriseId: entry.enterpriseId,
  name: entry.name,
  taxCode: entry.taxCode,
  sectorCode: entry.sectorCode,
  schedule: entry.highRisk ? 'half' : 'year',
  period: entry.period,
  status: entry.status,
  score: entry.score,
  rating: entry.rating,
  submittedAt: entry.submittedAt,
  registeredOn: entry.registeredOn,
});

/** What the (signed) cursor carries: the last firm of the page, to resume right after it in the same order. */
type Resume = Pick<
  RosterEntry,
  | 'enterpriseId'
  | 'name'
  | 'taxCode'
  | 'sectorCode'
  | 'highRisk'
  | 'status'
  | 'score'
  | 'rating'
  | 'submittedAt'
>;

function resumeOf(cursor: string | undefined): Resume | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(cursor) as Partial<Resume>;
    if (typeof value.enterpriseId === 'string' && typeof value.name === 'string') return value as Resume;
  } catch {
    // Falls through to the refusal below.
  }
  throw invalid([{ path: 'cursor', message: 'cursor is not one this list issued' }]);
}

/**
 * A page of a zone's firms over both schedules: each firm with its current period's status (or, with `period`, the
 * firms that owe that period), searched, filtered and sorted by any column. Reads the zone's roster
 * (`listZoneRoster`: the zone's partitions only) and pages in memory; the cursor is the last firm shown, so a page
 * resumes after it even if firms were added in between.
 */
export async function listZoneFirmsView(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: { zoneId: string; query: ZoneFirmsQuery },
): Promise<Result<ZoneRosterPage & { itemsRead: number }>> {
  const { query } = input;
  let asked: Period | undefined;
  if (query.period !== undefined) {
    const parsed = parsePeriod(query.period);
    if (!parsed.success || obligedGroupOf(parsed.period) === undefined) {
      return failure(
        invalid([
          {
            path: 'period',
            message:
              'self-inspections are by year (e.g. 2026) or by half-year (high-risk firms, e.g. 2026-H2)',
          },
        ]),
      );
    }
    asked = parsed.period;
  }
  const current = currentPeriods(vietnamDate(deps.now()));
  const wantsSchedule = (firm: RosterFirm) =>
    query.schedule === undefined || query.schedule === (firm.highRisk ? 'half' : 'year');
  const periodOf = (firm: RosterFirm): string | undefined => {
    if (!wantsSchedule(firm)) return undefined;
    if (asked === undefined) return formatPeriod(firm.highRisk ? current.half : current.year);
    const owes = (asked.kind === 'half') === firm.highRisk && firm.registeredOn <= asked.end;
    return owes ? formatPeriod(asked) : undefined;
  };
  const after = resumeOf(query.cursor);
  const { entries, itemsRead } = await listZoneRoster(deps.db, { zoneId: input.zoneId, periodOf });
  const compare = compareEntries(query.sort, query.order);
  const found = entries.filter((entry) => matches(entry, query)).sort(compare);
  const rest =
    after === undefined ? found : found.filter((entry) => compare(entry, after as RosterEntry) > 0);
  const page = rest.slice(0, query.limit);
  const last = page.at(-1);
  const periods =
    asked !== undefined
      ? [
          {
            period: formatPeriod(asked),
            group: asked.kind === 'half' ? ('highRisk' as const) : ('regular' as const),
          },
        ]
      : [
          ...(query.schedule !== 'year'
            ? [{ period: formatPeriod(current.half), group: 'highRisk' as const }]
            : []),
          ...(query.schedule !== 'half'
            ? [{ period: formatPeriod(current.year), group: 'regular' as const }]
            : []),
        ];
  return success({
    items: page.map(view),
    nextCursor:
      rest.length > page.length && last
        ? JSON.stringify({
            enterpriseId: last.enterpriseId,
            name: last.name,
            taxCode: last.taxCode,
            sectorCode: last.sectorCode,
            highRisk: last.highRisk,
            status: last.status,
            score: last.score,
            rating: last.rating,
            submittedAt: last.submittedAt,
          } satisfies Resume)
        : null,
    total: found.length,
    periods,
    itemsRead,
  });
}
