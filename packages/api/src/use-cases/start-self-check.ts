import { type Assessment, createAssessment, type Enterprise } from '@antoan/db';
import {
  applicableItemIds,
  CURRENT_SCORING_VERSION,
  formatPeriod,
  parsePeriod,
  periodOf,
  selfInspectionPeriodKind,
  vietnamDate,
} from '@antoan/domain';
import type { CreateAssessmentInput } from '@antoan/schemas';
import { findTemplate } from '@antoan/templates';
import type { AppDeps } from '../deps';
import { invalid } from '../errors';
import { failure, type Result, success } from './result';

/**
 * Starts a self-check draft. A periodic one must name a period of the firm's own kind (half-year for high-risk
 * firms, else year) that has started, and is one per period; thematic, after-incident and seasonal checks take
 * any started period and may be run any number of times.
 */
export async function startSelfCheck(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { enterprise: Enterprise; request: CreateAssessmentInput; actor: string },
): Promise<Result<Assessment>> {
  const { enterprise, request } = input;
  const template = findTemplate(request.templateId, request.templateVersion);
  if (!template) {
    return failure(
      invalid([
        {
          path: request.templateVersion === undefined ? 'templateId' : 'templateVersion',
          message: `no published template ${request.templateId}${request.templateVersion === undefined ? '' : ` v${request.templateVersion}`}`,
        },
      ]),
    );
  }
  const parsed = parsePeriod(request.period);
  if (!parsed.success) return failure(invalid([{ path: 'period', message: parsed.message }]));
  const kind = request.kind ?? 'periodic';
  const periodKind = selfInspectionPeriodKind(enterprise);
  const today = vietnamDate(deps.now());
  if (kind === 'periodic' && parsed.period.kind !== periodKind) {
    const example = formatPeriod(periodOf(today, periodKind));
    return failure(
      invalid([
        {
          path: 'period',
          message: enterprise.highRisk
            ? `a high-risk enterprise self-inspects every 6 months: use a half-year period such as ${example}`
            : `this enterprise self-inspects yearly: use a year period such as ${example}`,
        },
      ]),
    );
  }
  if (parsed.period.start > today) {
    return failure(invalid([{ path: 'period', message: `period ${request.period} has not started yet` }]));
  }
  const at = deps.now().toISOString();
  return success(
    await createAssessment(deps.db, {
      id: deps.newId(),
      enterpriseId: enterprise.id,
      zoneId: enterprise.zoneId,
      templateId: template.id,
      templateVersion: template.version,
      period: request.period,
      kind,
      status: 'draft',
      version: 1,
      applicableItemIds: applicableItemIds(template, enterprise),
      answers: {},
      scoringVersion: CURRENT_SCORING_VERSION,
      createdAt: at,
      createdBy: input.actor,
      updatedAt: at,
    }),
  );
}
