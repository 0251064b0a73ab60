import { createInspection, type Enterprise, type Inspection } from '@antoan/db';
import { findingErrors, gapsOf, inspectionPeriod, scoreInspection, vietnamDate } from '@antoan/domain';
import type { CreateInspectionInput } from '@antoan/schemas';
import { findTemplate } from '@antoan/templates';
import type { AppDeps } from '../deps';
import { invalid } from '../errors';
import { refreshAfterWrite } from '../targeting';
import { drainAfterCommit, planGapActions } from './gap-actions';
import { failure, type Result, success } from './result';

/**
 * Records an inspection: its findings are scored by the self-assessment's scoring over the items observed, and
 * every finding that is not compliant raises an action (unless its item has one pending), in the same
 * transaction, due on `actionsDueOn` or by the item's severity.
 */
export async function recordInspection(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { enterprise: Enterprise; request: CreateInspectionInput; actor: string },
): Promise<
  Result<{ inspection: Inspection; actions: { created: string[]; via: 'transaction' | 'outbox' } }>
> {
  const { enterprise, request } = input;
  const template = findTemplate(request.templateId, request.templateVersion);
  if (!template) {
    const known = findTemplate(request.templateId) !== undefined;
    return failure(
      invalid([
        {
          path: known ? 'templateVersion' : 'templateId',
          message: `no published template ${request.templateId}${known ? ` v${request.templateVersion}` : ''}`,
        },
      ]),
    );
  }
  const today = vietnamDate(deps.now());
  if (request.conductedOn > today) {
    return failure(
      invalid([{ path: 'conductedOn', message: `conductedOn is after today (${today} in Vietnam)` }]),
    );
  }
  if (request.actionsDueOn !== undefined && request.actionsDueOn < request.conductedOn) {
    return failure(invalid([{ path: 'actionsDueOn', message: 'actionsDueOn is before conductedOn' }]));
  }
  const errors = findingErrors(template, enterprise, request.findings);
  if (errors.length > 0) {
    return failure(
      invalid(
        errors.map(({ itemId, message }) => ({ path: itemId ? `findings.${itemId}` : 'findings', message })),
      ),
    );
  }
  const at = deps.now().toISOString();
  const score = scoreInspection({
    template,
    profile: enterprise,
    findings: request.findings,
    conductedOn: request.conductedOn,
  });
  const inspection: Inspection = {
    id: deps.newId(),
    enterpriseId: enterprise.id,
    zoneId: enterprise.zoneId,
    conductedOn: request.conductedOn,
    period: inspectionPeriod(request.conductedOn, enterprise),
    templateId: template.id,
    templateVersion: template.version,
    findings: request.findings,
    ...(request.notes === undefined || request.notes === '' ? {} : { notes: request.notes }),
    score,
    inspectedBy: input.actor,
    createdAt: at,
  };
  const planned = await planGapActions(deps.db, {
    enterprise,
    source: { kind: 'inspection', id: inspection.id },
    gaps: gapsOf(score, template),
    foundOn: request.conductedOn,
    today,
    dueOn: request.actionsDueOn,
    actor: input.actor,
    at,
    baseWrites: 2,
  });
  const actions = { created: planned.create.map((action) => action.id), via: planned.via };
  await createInspection(deps.db, inspection, planned.writes, { actions });
  await drainAfterCommit(deps.db, planned);
  await refreshAfterWrite(deps.db, enterprise.id, today);
  return success({ inspection, actions });
}
