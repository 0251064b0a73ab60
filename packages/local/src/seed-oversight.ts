import { refreshTargetPriority, submitSelfCheck } from '@antoan/api';
import {
  type AnswerRecord,
  type Assessment,
  createAccident,
  createAssessment,
  createInspection,
  type DbContext,
  type Enterprise,
  getAssessment,
  saveAnswers,
} from '@antoan/db';
import {
  accidentDay,
  applicableItemIds,
  formatPeriod,
  inspectionPeriod,
  investigationOf,
  mustDeclareImmediately,
  periodOf,
  scoreInspection,
  seededRandom,
  selfInspectionPeriodKind,
  shiftPeriod,
  type Template,
  vietnamDate,
} from '@antoan/domain';
import { findTemplate } from '@antoan/templates';

const DAY_MS = 86_400_000;

/** How a demo firm behaves: its true compliance, whether it inflates its self-report, and how diligent it is. */
interface DemoConduct {
  /** Share of items truly complied with. */
  compliance: number;
  /** Over-reporters answer `compliant` far more often than the truth. */
  overReports: boolean;
  /** 0–1: the most diligent firms submitted last period and this one; the least did nothing. */
  diligence: number;
}

const conductOf = (enterprise: Enterprise): DemoConduct => {
  const random = seededRandom(`demo-conduct:${enterprise.id}`);
  const overReports = random() < 0.2;
  // Over-reporters are the weaker firms: they claim nearly everything while doing about a third of it.
  const compliance = overReports ? 0.25 + 0.2 * random() : 0.5 + 0.48 * random();
  return { compliance, overReports, diligence: random() };
};

/** Answers drawn from `compliance`: compliant, else partial or non-compliant in equal parts. */
function answersOf(
  itemIds: readonly string[],
  compliance: number,
  seed: string,
): Record<string, AnswerRecord> {
  const random = seededRandom(seed);
  return Object.fromEntries(
    itemIds.map((itemId) => {
      const draw = random();
      const value =
        draw < compliance
          ? 'compliant'
          : draw < compliance + (1 - compliance) / 2
            ? 'partial'
            : 'non_compliant';
      return [itemId, { value }];
    }),
  );
}

const isConflict = (error: unknown) => error instanceof Error && error.name === 'ConflictError';
const ignoreConflict = (error: unknown) => {
  // A previous start that stopped half-way already wrote this item.
  if (!isConflict(error)) throw error;
};

/** The instant `days` days before `now`, but not before `floor` (`YYYY-MM-DD`). */
function daysBefore(now: Date, days: number, floor: string): Date {
  const at = new Date(now.getTime() - days * DAY_MS);
  const earliest = new Date(`${floor}T03:00:00.000Z`);
  return at < earliest ? earliest : at;
}

/**
 * One demo self-assessment for `period`, created, answered and (when `submitAt` is given) submitted through the
 * access functions and the scoring the API uses. A step already done by an earlier start is skipped.
 */
async function seedAssessment(
  db: DbContext,
  template: Template,
  enterprise: Enterprise,
  period: string,
  answers: Record<string, AnswerRecord>,
  createdAt: Date,
  submitAt: Date | undefined,
  today: string,
  raiseActions: boolean,
): Promise<void> {
  const id = `demo-${enterprise.id}-${period}`;
  const at = createdAt.toISOString();
  // A draft about to be submitted is created filled in; a draft still being filled gets its answers saved.
  const draft: Assessment = {
    id,
    enterpriseId: enterprise.id,
    zoneId: enterprise.zoneId,
    templateId: template.id,
    templateVersion: template.version,
    period,
    status: 'draft',
    version: 1,
    applicableItemIds: applicableItemIds(template, enterprise),
    answers: submitAt === undefined ? {} : answers,
    createdAt: at,
    createdBy: 'seed',
    updatedAt: at,
  };
  // A start that stopped half-way resumes from what is stored.
  const created = await createAssessment(db, draft).then(
    () => true,
    (error: unknown) => (isConflict(error) ? false : Promise.reject(error)),
  );
  let assessment = created ? draft : await getAssessment(db, enterprise.id, id);
  if (assessment?.status === 'draft' && Object.keys(assessment.answers).length === 0) {
    const { version } = assessment;
    await saveAnswers(db, {
      enterpriseId: enterprise.id,
      assessmentId: id,
      expectedVersion: version,
      answers,
      actor: 'seed',
      at,
    });
    assessment = { ...assessment, answers, version: version + 1, updatedAt: at };
  }
  if (assessment?.status !== 'draft' || submitAt === undefined) return;
  await submitSelfCheck(db, {
    assessment,
    enterprise,
    template,
    evidence: {},
    actor: 'seed',
    at: submitAt,
    today,
    raiseActions,
  }).catch(ignoreConflict);
}

/** A deterministic demo accident, `daysAgo` days before now but within this year. */
async function seedAccident(
  db: DbContext,
  enterprise: Enterprise,
  number: number,
  facts: { severity: 'fatal' | 'serious' | 'minor'; victims: number; fatalities: number; cause: string },
  occurredAt: Date,
): Promise<void> {
  const at = occurredAt.toISOString();
  await createAccident(db, {
    id: `demo-accident-${String(number).padStart(2, '0')}`,
    enterpriseId: enterprise.id,
    zoneId: enterprise.zoneId,
    occurredAt: at,
    occurredOn: accidentDay(at),
    ...facts,
    description: `${facts.cause} (dữ liệu minh họa).`,
    declareImmediately: mustDeclareImmediately(facts),
    investigation: investigationOf({ ...facts, occurredAt: at }),
    reportedAt: at,
    reportedBy: 'seed',
  }).catch(ignoreConflict);
}

const ACCIDENT_CAUSES = [
  'Ngã từ trên cao',
  'Máy, thiết bị cuốn, kẹp',
  'Điện giật',
  'Vật rơi, đổ sập',
  'Bỏng hóa chất',
  'Tai nạn giao thông trong khuôn viên',
];

/**
 * The oversight demo: for the current period of each firm's own schedule, a submitted self-assessment for most
 * firms (and for the previous half-year for many high-risk ones), drafts for some, nothing for the rest; a
 * dozen accidents this year, three of them fatal; inspections of a dozen firms, some of which over-reported;
 * and every firm's entry in the priority index. The demo officers' firms get no assessment for the current
 * period, so that a demo user can fill one in.
 */
export async function seedDemoOversight(
  db: DbContext,
  enterprises: readonly Enterprise[],
  reserved: ReadonlySet<string>,
  now: Date,
  inBatches: <T>(items: readonly T[], task: (item: T) => Promise<unknown>) => Promise<void>,
): Promise<{ submitted: number; drafts: number; accidents: number; inspections: number }> {
  const template = findTemplate('osh-self-inspection');
  if (!template) throw new Error('the default template is missing');
  const today = vietnamDate(now);
  const counts = { submitted: 0, drafts: 0, accidents: 0, inspections: 0 };
  const submittedNow = new Set<string>();
  // Every submission raises actions through the API; the demo raises them for a few firms per zone only, so the
  // first start stays fast (each action is two writes).
  const actionFirms = new Set(
    enterprises
      .filter((enterprise) => !reserved.has(enterprise.id))
      .filter((_, index) => index % 20 === 0)
      .map((e) => e.id),
  );

  await inBatches(enterprises, async (enterprise) => {
    if (reserved.has(enterprise.id)) return;
    const conduct = conductOf(enterprise);
    const selfCompliance = conduct.overReports ? 0.97 : conduct.compliance;
    const current = periodOf(today, selfInspectionPeriodKind(enterprise));
    const previous = shiftPeriod(current, -1);
    const registeredOn = enterprise.createdAt.slice(0, 10);
    const ids = applicableItemIds(template, enterprise);
    if (conduct.diligence > 0.65 && previous.end >= registeredOn) {
      const period = formatPeriod(previous);
      const submitAt = new Date(`${previous.end}T03:00:00.000Z`);
      await seedAssessment(
        db,
        template,
        enterprise,
        period,
        answersOf(ids, selfCompliance, `${enterprise.id}:${period}`),
        submitAt,
        submitAt,
        today,
        actionFirms.has(enterprise.id),
      );
    }
    if (conduct.diligence <= 0.3) return;
    const period = formatPeriod(current);
    const submitAt =
      conduct.diligence > 0.45
        ? daysBefore(now, 2 + Math.floor(conduct.diligence * 40), current.start)
        : undefined;
    // A draft is about two thirds answered.
    const answered = submitAt === undefined ? ids.slice(0, Math.ceil((ids.length * 2) / 3)) : ids;
    const answers = answersOf(answered, selfCompliance, `${enterprise.id}:${period}`);
    await seedAssessment(
      db,
      template,
      enterprise,
      period,
      answers,
      daysBefore(now, 60, current.start),
      submitAt,
      today,
      actionFirms.has(enterprise.id),
    );
    if (submitAt) {
      counts.submitted++;
      submittedNow.add(enterprise.id);
    } else counts.drafts++;
  });

  // Accidents this year, spread over the months so far; three fatal.
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const daysThisYear = Math.max(1, Math.round((Date.parse(today) - Date.parse(yearStart)) / DAY_MS));
  const accidentFirms = enterprises
    .filter((enterprise) => !reserved.has(enterprise.id) && enterprise.highRisk)
    .slice(0, 14);
  for (const [index, enterprise] of accidentFirms.entries()) {
    const severity = index % 5 === 0 ? 'fatal' : index % 3 === 0 ? 'serious' : 'minor';
    const victims = severity === 'minor' ? 1 + (index % 2) : 1 + (index % 3 === 0 ? 1 : 0);
    const occurredAt = daysBefore(now, Math.floor((((index * 37) % 100) / 100) * daysThisYear), yearStart);
    await seedAccident(
      db,
      enterprise,
      index + 1,
      {
        severity,
        victims,
        fatalities: severity === 'fatal' ? 1 : 0,
        cause: ACCIDENT_CAUSES[index % ACCIDENT_CAUSES.length] as string,
      },
      occurredAt,
    );
    counts.accidents++;
  }

  // Inspections of firms that submitted this period: the inspector sees the true compliance.
  const inspected = enterprises
    .filter((enterprise) => submittedNow.has(enterprise.id))
    .sort(
      (a, b) =>
        Number(conductOf(b).overReports) - Number(conductOf(a).overReports) || a.id.localeCompare(b.id),
    )
    .filter((_, index) => index % 3 === 0)
    .slice(0, 12);
  for (const [index, enterprise] of inspected.entries()) {
    const conduct = conductOf(enterprise);
    const current = periodOf(today, selfInspectionPeriodKind(enterprise));
    const conductedOn = vietnamDate(daysBefore(now, 1 + index, current.start));
    const observed = applicableItemIds(template, enterprise).filter((_, i) => i % 4 === index % 4);
    const findings = Object.fromEntries(
      Object.entries(answersOf(observed, conduct.compliance, `inspection:${enterprise.id}`)).map(
        ([id, answer]) => [id, answer.value],
      ),
    ) as Record<string, 'compliant' | 'partial' | 'non_compliant'>;
    await createInspection(db, {
      id: `demo-inspection-${String(index + 1).padStart(2, '0')}`,
      enterpriseId: enterprise.id,
      zoneId: enterprise.zoneId,
      conductedOn,
      period: inspectionPeriod(conductedOn, enterprise),
      templateId: template.id,
      templateVersion: template.version,
      findings,
      notes: conduct.overReports
        ? 'Thực tế kém hơn nhiều so với tự đánh giá.'
        : 'Kiểm tra định kỳ theo kế hoạch.',
      score: scoreInspection({ template, profile: enterprise, findings, conductedOn }),
      inspectedBy: 'inspector-demo',
      createdAt: now.toISOString(),
    }).catch(ignoreConflict);
    counts.inspections++;
  }

  await inBatches(enterprises, (enterprise) => refreshTargetPriority(db, enterprise.id, today));
  return counts;
}
