import {
  createInspection,
  type DbContext,
  type Enterprise,
  getEvidence,
  getSelfChecks,
  type Inspection,
} from '@antoan/db';
import { findingErrors, gapsOf, inspectionPeriod, scoreInspection, vietnamDate } from '@antoan/domain';
import { type CreateInspectionInput, MAX_PHOTOS_PER_INSPECTION } from '@antoan/schemas';
import { findTemplate } from '@antoan/templates';
import type { AppDeps } from '../deps';
import { type FieldError, invalid } from '../errors';
import { refreshAfterWrite } from '../targeting';
import { drainAfterCommit, planGapActions } from './gap-actions';
import { type InspectionComparison, inspectionView } from './inspection-view';
import { failure, type Result, success } from './result';

/**
 * Records an inspection: its findings are scored by the self-assessment's scoring over the items observed, and
 * every finding that is not compliant raises an action (unless its item has one pending), in the same
 * transaction, due on `actionsDueOn` or by the item's severity. The value is the inspection as the API shows it:
 * compared with the firm's self-check of the same period.
 */
export async function recordInspection(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { enterprise: Enterprise; request: CreateInspectionInput; actor: string },
): Promise<
  Result<{
    inspection: InspectionComparison;
    actions: { created: string[]; via: 'transaction' | 'outbox' };
  }>
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
  const observationErrors = await observationErrorsOf(deps.db, enterprise.id, request);
  if (observationErrors.length > 0) return failure(invalid(observationErrors));
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
    ...(request.observations === undefined ? {} : { observations: observationsOf(request.observations) }),
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
  const selfCheck = (await getSelfChecks(deps.db, enterprise.id, [inspection.period])).get(inspection.period);
  return success({ inspection: inspectionView(inspection, selfCheck), actions });
}

/** The observations as stored: empty notes and empty photo lists left out, and an observation left with neither. */
function observationsOf(
  observations: NonNullable<CreateInspectionInput['observations']>,
): NonNullable<Inspection['observations']> {
  const stored: NonNullable<Inspection['observations']> = {};
  for (const [itemId, { note, photoIds }] of Object.entries(observations)) {
    const kept = {
      ...(note === undefined || note === '' ? {} : { note }),
      ...(photoIds === undefined || photoIds.length === 0 ? {} : { photoIds }),
    };
    if (Object.keys(kept).length > 0) stored[itemId] = kept;
  }
  return stored;
}

/**
 * What is wrong with the observations: one about an item without a finding, more photos than an inspection takes,
 * or a photo that is not a verified inspection photo of this firm (unknown, another firm's, still uploading,
 * rejected, or a document of another kind).
 */
async function observationErrorsOf(
  db: DbContext,
  enterpriseId: string,
  request: CreateInspectionInput,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const observations = Object.entries(request.observations ?? {});
  for (const [itemId] of observations) {
    if (!Object.hasOwn(request.findings, itemId))
      errors.push({ path: `observations.${itemId}`, message: `no finding for item ${itemId}` });
  }
  const photos = observations.flatMap(([itemId, { photoIds = [] }]) =>
    photoIds.map((photoId, index) => ({ itemId, photoId, index })),
  );
  if (photos.length > MAX_PHOTOS_PER_INSPECTION) {
    errors.push({
      path: 'observations',
      message: `at most ${MAX_PHOTOS_PER_INSPECTION} photos per inspection (${photos.length} given)`,
    });
    return errors;
  }
  const found = await Promise.all(photos.map(({ photoId }) => getEvidence(db, enterpriseId, photoId)));
  photos.forEach(({ itemId, photoId, index }, at) => {
    const photo = found[at];
    const path = `observations.${itemId}.photoIds.${index}`;
    if (photo?.kind !== 'inspection_photo')
      errors.push({ path, message: `no inspection photo ${photoId} of this enterprise` });
    else if (photo.status !== 'verified')
      errors.push({
        path,
        message: `photo ${photoId} is ${photo.status === 'rejected' ? 'rejected' : 'not confirmed yet'}; only a verified photo backs a finding`,
      });
  });
  return errors;
}
