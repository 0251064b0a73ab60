import { addDays } from './period';
import type { Score } from './scoring';
import type { EvidenceKind, LegalBasis, LocalizedText, Severity, Template, TemplateItem } from './template';

/** Where a corrective action is in its life. */
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'verified' | 'cancelled';

/** Statuses in which an action still needs work: they count as open, and as overdue once past `dueOn`. */
export const pendingStatuses: readonly ActionStatus[] = ['open', 'in_progress'];

/**
 * Days from the finding to the default due day, by severity. Critical items are those whose failure can kill or
 * maim now (fall protection, machine guarding, strict-equipment inspection); a month is what an inspection
 * order usually gives for them. Major items (training, health exams, the OSH plan) need a procurement or a
 * training course, which takes one to two months. Minor items are paperwork that fits the next quarter.
 */
export const ACTION_DUE_DAYS: Readonly<Record<Severity, number>> = { critical: 30, major: 60, minor: 90 };

/** The default due day of an action found on `foundOn` (`YYYY-MM-DD`). */
export function defaultDueOn(severity: Severity, foundOn: string): string {
  return addDays(foundOn, ACTION_DUE_DAYS[severity]);
}

/** Whether an action in `status` due on `dueOn` is overdue on `today`: still pending, and its due day has passed. */
export function isOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return pendingStatuses.includes(action.status) && action.dueOn < today;
}

/** Who is changing an action: the firm itself, or someone who oversees it (an inspector, its zone's manager). */
export type ActionActor = 'enterprise' | 'overseer';

const transitions: Record<ActionActor, Partial<Record<ActionStatus, readonly ActionStatus[]>>> = {
  enterprise: { open: ['in_progress', 'done'], in_progress: ['open', 'done'] },
  overseer: {
    open: ['cancelled'],
    in_progress: ['cancelled'],
    done: ['verified', 'open'],
    verified: ['open'],
    cancelled: ['open'],
  },
};

/**
 * The statuses `actor` may move an action to from `from`. The firm works on its actions; only an overseer
 * verifies, reopens or cancels them.
 * @example allowedTransitions('done', 'enterprise') // []
 */
export function allowedTransitions(from: ActionStatus, actor: ActionActor): readonly ActionStatus[] {
  return transitions[actor][from] ?? [];
}

/** One gap of a score: an applicable item below its full points, with what an action needs to know of it. */
export interface Gap {
  itemId: string;
  title: LocalizedText;
  legalBasis: LegalBasis[];
  severity: Severity;
  evidenceKinds?: EvidenceKind[];
}

/** The template's item with this id. */
export function templateItem(template: Template, itemId: string): TemplateItem | undefined {
  for (const section of template.sections) {
    const item = section.items.find((candidate) => candidate.id === itemId);
    if (item) return item;
  }
  return undefined;
}

/** The gaps of a score: every scored item that earned less than its full points (partial, non-compliant, evidence missing or expired). */
export function gapsOf(score: Pick<Score, 'items'>, template: Template): Gap[] {
  const gaps: Gap[] = [];
  for (const scored of score.items) {
    if (scored.outcome === 'not_applicable' || scored.points >= scored.maxPoints) continue;
    const item = templateItem(template, scored.id);
    if (!item) continue;
    gaps.push({
      itemId: item.id,
      title: item.text,
      legalBasis: item.legalBasis,
      severity: item.severity,
      ...(item.evidenceKinds ? { evidenceKinds: item.evidenceKinds } : {}),
    });
  }
  return gaps;
}

/** What a submission does to the firm's actions. */
export interface ActionPlan {
  /** Gaps that get a new action. */
  create: Gap[];
  /** Pending actions to cancel: the amended check's gaps that are gaps no longer. */
  cancel: string[];
}

/**
 * Plans the actions of a submission: a new action for each gap without a pending action on the same item (so a
 * second submission of the same gaps duplicates nothing), and, for an amendment, the cancellation of the pending
 * actions that the amended check raised on items that are no longer gaps.
 */
export function planActions(input: {
  gaps: readonly Gap[];
  /** The firm's pending actions, keyed by item. */
  pending: ReadonlyMap<string, { actionId: string; sourceId: string }>;
  /** The earlier versions of the self-check, when it is an amendment (the one it amends, and so on back). */
  replaces?: ReadonlySet<string>;
}): ActionPlan {
  const gapItems = new Set(input.gaps.map((gap) => gap.itemId));
  const create = input.gaps.filter((gap) => !input.pending.has(gap.itemId));
  const cancel =
    input.replaces === undefined
      ? []
      : [...input.pending]
          .filter(([itemId, open]) => input.replaces?.has(open.sourceId) === true && !gapItems.has(itemId))
          .map(([, open]) => open.actionId);
  return { create, cancel };
}
