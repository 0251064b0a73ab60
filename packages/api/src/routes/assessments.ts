import {
  type AnswerRecord,
  type Assessment,
  createAssessment,
  type Enterprise,
  getAssessment,
  getEvidenceFacts,
  listAssessments,
  saveAnswers,
} from '@antoan/db';
import {
  applicableItemIds,
  type EvidenceKind,
  formatPeriod,
  parsePeriod,
  periodOf,
  selfInspectionPeriodKind,
  type Template,
  vietnamDate,
} from '@antoan/domain';
import { createAssessmentSchema, listQuerySchema, patchAssessmentSchema } from '@antoan/schemas';
import { findTemplate } from '@antoan/templates';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppContext, AppEnv } from '../deps';
import { ApiError, conflict, type FieldError, invalid, notFound, preconditionFailed } from '../errors';
import { idempotent } from '../idempotency';
import { ifMatchVersion } from '../if-match';
import { submitSelfCheck } from '../submission';
import { refreshAfterWrite } from '../targeting';

/** The template version an assessment was made from; published versions never change, so this cannot fail later. */
function templateOf(assessment: Assessment): Template {
  const template = findTemplate(assessment.templateId, assessment.templateVersion);
  if (!template)
    throw new Error(`template ${assessment.templateId}@${assessment.templateVersion} is not published`);
  return template;
}

async function loadAssessment(
  c: AppContext,
  enterprise: Enterprise,
  assessmentId: string,
): Promise<Assessment> {
  const assessment = await getAssessment(c.var.deps.db, enterprise.id, assessmentId);
  if (!assessment) throw notFound('assessment');
  return assessment;
}

const withEtag = (c: AppContext, assessment: Assessment) => {
  c.header('ETag', `"${assessment.version}"`);
  return assessment;
};

const submittedConflict = () =>
  conflict(
    {
      vi: 'Bản tự đánh giá đã nộp và không thể thay đổi.',
      en: 'The assessment is already submitted and can no longer change.',
    },
    { code: 'already_submitted' },
  );

/** Checks answers against the template, the firm's applicable items and its own verified evidence. */
async function answerErrors(
  c: AppContext,
  assessment: Assessment,
  answers: Record<string, AnswerRecord>,
): Promise<FieldError[]> {
  const template = templateOf(assessment);
  const items = new Map(
    template.sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)),
  );
  const applicable = new Set(assessment.applicableItemIds);
  const evidenceIds = Object.values(answers).flatMap((answer) => answer.evidenceIds ?? []);
  const evidence = await getEvidenceFacts(c.var.deps.db, assessment.enterpriseId, evidenceIds);
  const errors: FieldError[] = [];
  for (const [itemId, answer] of Object.entries(answers)) {
    const item = items.get(itemId);
    const path = `answers.${itemId}`;
    if (!item)
      errors.push({ path, message: `no item ${itemId} in template ${template.id} v${template.version}` });
    else if (!applicable.has(itemId))
      errors.push({ path, message: `item ${itemId} does not apply to this enterprise` });
    else if (answer.value === 'not_applicable' && !item.allowNotApplicable) {
      errors.push({ path: `${path}.value`, message: `item ${itemId} cannot be answered not_applicable` });
    }
    for (const evidenceId of answer.evidenceIds ?? []) {
      const found = evidence.get(evidenceId);
      if (found?.status !== 'verified') {
        errors.push({
          path: `${path}.evidenceIds`,
          message: `${evidenceId} is not verified evidence of this enterprise`,
        });
      } else if (item?.evidenceKinds && !item.evidenceKinds.includes(found.kind as EvidenceKind)) {
        errors.push({
          path: `${path}.evidenceIds`,
          message: `${evidenceId} is ${found.kind}; item ${itemId} takes ${item.evidenceKinds.join(', ')}`,
        });
      }
    }
  }
  return errors;
}

/** Self-assessments: created, filled and submitted by the enterprise; read by everyone whose scope covers it. */
export const assessmentRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/assessments', authenticate())
    .use('/v1/enterprises/:eid/assessments/*', authenticate())
    .post(
      '/v1/enterprises/:eid/assessments',
      allow('enterprise'),
      jsonContent,
      idempotent(),
      valid('json', createAssessmentSchema),
      async (c) => {
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
        const input = c.req.valid('json');
        const template = findTemplate(input.templateId, input.templateVersion);
        if (!template) {
          throw invalid([
            {
              path: input.templateVersion === undefined ? 'templateId' : 'templateVersion',
              message: `no published template ${input.templateId}${input.templateVersion === undefined ? '' : ` v${input.templateVersion}`}`,
            },
          ]);
        }
        const parsed = parsePeriod(input.period);
        if (!parsed.success) throw invalid([{ path: 'period', message: parsed.message }]);
        const kind = selfInspectionPeriodKind(enterprise);
        const today = vietnamDate(deps.now());
        if (parsed.period.kind !== kind) {
          const example = formatPeriod(periodOf(today, kind));
          throw invalid([
            {
              path: 'period',
              message: enterprise.highRisk
                ? `a high-risk enterprise self-inspects every 6 months: use a half-year period such as ${example}`
                : `this enterprise self-inspects yearly: use a year period such as ${example}`,
            },
          ]);
        }
        if (parsed.period.start > today) {
          throw invalid([{ path: 'period', message: `period ${input.period} has not started yet` }]);
        }
        const at = deps.now().toISOString();
        const assessment = await createAssessment(deps.db, {
          id: deps.newId(),
          enterpriseId: enterprise.id,
          zoneId: enterprise.zoneId,
          templateId: template.id,
          templateVersion: template.version,
          period: input.period,
          status: 'draft',
          version: 1,
          applicableItemIds: applicableItemIds(template, enterprise),
          answers: {},
          createdAt: at,
          createdBy: principal.sub,
          updatedAt: at,
        });
        return c.json(withEtag(c, assessment), 201);
      },
    )
    .get('/v1/enterprises/:eid/assessments', valid('query', listQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      const page = await listAssessments(c.var.deps.db, { enterpriseId: enterprise.id, limit, cursor });
      return c.json({
        items: page.items.map(({ answers: _answers, applicableItemIds: ids, score, ...summary }) => ({
          ...summary,
          applicableItemCount: ids.length,
          ...(score ? { score: { total: score.total, rating: score.rating } } : {}),
        })),
        nextCursor: page.nextCursor,
      });
    })
    .get('/v1/enterprises/:eid/assessments/:aid', async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      return c.json(withEtag(c, await loadAssessment(c, enterprise, c.req.param('aid'))));
    })
    .patch(
      '/v1/enterprises/:eid/assessments/:aid',
      allow('enterprise'),
      jsonContent,
      valid('json', patchAssessmentSchema),
      async (c) => {
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
        const expected = ifMatchVersion(c);
        const assessment = await loadAssessment(c, enterprise, c.req.param('aid'));
        if (assessment.status === 'submitted') throw submittedConflict();
        if (expected !== assessment.version) throw preconditionFailed();
        const answers: Record<string, AnswerRecord> = c.req.valid('json').answers;
        const errors = await answerErrors(c, assessment, answers);
        if (errors.length > 0) throw invalid(errors);
        const at = deps.now().toISOString();
        await saveAnswers(deps.db, {
          enterpriseId: enterprise.id,
          assessmentId: assessment.id,
          expectedVersion: expected,
          answers,
          actor: principal.sub,
          at,
        });
        const updated: Assessment = {
          ...assessment,
          answers: { ...assessment.answers, ...answers },
          version: expected + 1,
          updatedAt: at,
        };
        return c.json(withEtag(c, updated));
      },
    )
    .post('/v1/enterprises/:eid/assessments/:aid/submit', allow('enterprise'), idempotent(), async (c) => {
      const { deps, principal } = c.var;
      const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
      const assessment = await loadAssessment(c, enterprise, c.req.param('aid'));
      if (assessment.status === 'submitted') throw submittedConflict();
      const unanswered = assessment.applicableItemIds.filter(
        (itemId) => !Object.hasOwn(assessment.answers, itemId),
      );
      if (unanswered.length > 0) {
        throw new ApiError(
          422,
          'unanswered-items',
          'Unanswered items',
          {
            vi: `Còn ${unanswered.length} mục áp dụng chưa trả lời.`,
            en: `${unanswered.length} applicable items are not answered yet.`,
          },
          { errors: unanswered.map((itemId) => ({ path: `answers.${itemId}`, message: 'not answered' })) },
        );
      }
      const now = deps.now();
      const evidenceIds = Object.values(assessment.answers).flatMap((answer) => answer.evidenceIds ?? []);
      const evidence = await getEvidenceFacts(deps.db, enterprise.id, evidenceIds);
      const { score, submittedAt } = await submitSelfCheck(deps.db, {
        assessment,
        enterprise,
        template: templateOf(assessment),
        evidence: Object.fromEntries(
          [...evidence].map(([id, facts]) => [id, { ...facts, kind: facts.kind as EvidenceKind }]),
        ),
        actor: principal.sub,
        at: now,
      });
      await refreshAfterWrite(deps.db, enterprise.id, vietnamDate(now));
      return c.json({ id: assessment.id, status: 'submitted', submittedAt, score });
    });
