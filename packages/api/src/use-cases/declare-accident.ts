import { type Accident, createAccident, type Enterprise } from '@antoan/db';
import { accidentDay, investigationOf, mustDeclareImmediately, vietnamDate } from '@antoan/domain';
import type { CreateAccidentInput } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { invalid } from '../errors';
import { refreshAfterWrite } from '../targeting';
import { failure, type Result, success } from './result';

/**
 * A firm declares a work accident: not in the future; whether it had to be declared at once and by when the
 * investigation must close follow from what happened. The zone's yearly counters move in the same transaction, and
 * the firm's inspection priority is refreshed.
 */
export async function declareAccident(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { enterprise: Enterprise; request: CreateAccidentInput; actor: string },
): Promise<Result<Accident>> {
  const { enterprise, request } = input;
  const now = deps.now();
  if (request.occurredAt > now.toISOString()) {
    return failure(
      invalid([
        {
          path: 'occurredAt',
          message: `occurredAt is in the future; the time now is ${now.toISOString()}`,
        },
      ]),
    );
  }
  const accident: Accident = {
    id: deps.newId(),
    enterpriseId: enterprise.id,
    zoneId: enterprise.zoneId,
    ...request,
    occurredOn: accidentDay(request.occurredAt),
    declareImmediately: mustDeclareImmediately(request),
    investigation: investigationOf(request),
    reportedAt: now.toISOString(),
    reportedBy: input.actor,
  };
  await createAccident(deps.db, accident);
  await refreshAfterWrite(deps.db, enterprise.id, vietnamDate(now));
  return success(accident);
}
