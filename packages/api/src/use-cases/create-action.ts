import { type Action, createAction, type Enterprise } from '@antoan/db';
import { defaultDueOn, templateItem, vietnamDate } from '@antoan/domain';
import type { CreateActionInput } from '@antoan/schemas';
import { publishedTemplates } from '@antoan/templates';
import type { AppDeps } from '../deps';
import { fieldError, invalid } from '../errors';
import { failure, type Result, success } from './result';

/**
 * Adds an action by hand (the firm, its zone's managers, inspectors). About a checklist item, its title, legal
 * basis, severity and evidence rule come from the newest published template that has the item, and the item
 * must have no pending action (409); otherwise the caller describes it. The due day defaults by severity.
 */
export async function addAction(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { enterprise: Enterprise; request: CreateActionInput; actor: string },
): Promise<Result<Action>> {
  const { request, enterprise } = input;
  const today = vietnamDate(deps.now());
  const item =
    request.itemId === undefined
      ? undefined
      : [...publishedTemplates()]
          .sort((a, b) => b.version - a.version)
          .map((template) => templateItem(template, request.itemId as string))
          .find((found) => found !== undefined);
  if (request.itemId !== undefined && !item) {
    return failure(
      invalid([
        fieldError('itemId', {
          vi: `Không có mục ${request.itemId} trong bảng kiểm đã công bố`,
          en: `no item ${request.itemId} in a published template`,
        }),
      ]),
    );
  }
  if (request.dueOn !== undefined && request.dueOn < today) {
    return failure(
      invalid([
        fieldError('dueOn', {
          vi: `Hạn không được trước hôm nay (${today} theo giờ Việt Nam)`,
          en: `dueOn is before today (${today} in Vietnam)`,
        }),
      ]),
    );
  }
  const severity = request.severity ?? item?.severity ?? 'minor';
  const at = deps.now().toISOString();
  const action: Action = {
    id: deps.newId(),
    enterpriseId: enterprise.id,
    zoneId: enterprise.zoneId,
    source: { kind: 'manual', ...(item ? { itemId: item.id } : {}) },
    title: request.title ?? item?.text ?? { vi: '', en: '' },
    legalBasis: item?.legalBasis ?? [],
    severity,
    ...(item?.evidenceKinds ? { evidenceKinds: [...item.evidenceKinds] } : {}),
    status: 'open',
    dueOn: request.dueOn ?? defaultDueOn(severity, today),
    ...(request.owner === undefined ? {} : { owner: request.owner }),
    ...(request.note === undefined || request.note === '' ? {} : { note: request.note }),
    version: 1,
    createdAt: at,
    createdBy: input.actor,
    updatedAt: at,
    updatedBy: input.actor,
  };
  return success(await createAction(deps.db, action));
}
