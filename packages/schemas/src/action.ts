import { isIsoDate } from '@antoan/domain';
import * as v from 'valibot';
import { listQueryEntries, nameText } from './common';
import { said } from './messages';

const statuses = ['open', 'in_progress', 'done', 'verified', 'cancelled'] as const;
const isoDate = (label: string) =>
  v.pipe(
    v.string(),
    v.check(isIsoDate, said(`${label} phải là ngày dạng YYYY-MM-DD`, `${label} is a date, YYYY-MM-DD`)),
  );
const id = (label: string) =>
  v.pipe(
    v.string(),
    v.regex(
      /^[A-Za-z0-9_-]{1,64}$/,
      said(
        `${label} gồm 1–64 chữ cái không dấu, chữ số, - hoặc _`,
        `${label} is 1–64 letters, digits, - or _`,
      ),
    ),
  );
const statusMessage = said(
  `status phải là một trong: ${statuses.join(', ')}`,
  `status is ${statuses.join(', ')}`,
);
const localized = v.strictObject({ vi: nameText(500), en: nameText(500) });
const note = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(2000, said('Ghi chú tối đa 2.000 ký tự', 'note is at most 2,000 characters')),
);
const overdueFlag = v.optional(
  v.picklist(['true', 'false'], said('overdue phải là true hoặc false', 'overdue is true or false')),
);

/** `GET /v1/enterprises/{eid}/actions?status=&overdue=&limit=&cursor=` query. */
export const enterpriseActionsQuerySchema = v.strictObject({
  status: v.optional(v.picklist(statuses, statusMessage)),
  overdue: overdueFlag,
  ...listQueryEntries,
});
export type EnterpriseActionsQuery = v.InferOutput<typeof enterpriseActionsQuerySchema>;

/**
 * `GET /v1/zones/{zid}/actions?status=&overdue=&limit=&cursor=` query: the zone's pending actions, oldest due
 * first, or (`status=done`) those marked done and awaiting verification, oldest done first.
 */
export const zoneActionsQuerySchema = v.pipe(
  v.strictObject({
    status: v.optional(
      v.picklist(['pending', 'done'], said('status phải là pending hoặc done', 'status is pending or done')),
    ),
    overdue: overdueFlag,
    ...listQueryEntries,
  }),
  v.check(
    (query) => !(query.status === 'done' && query.overdue === 'true'),
    said('overdue chỉ áp dụng cho hành động đang chờ xử lý', 'overdue applies to pending actions only'),
  ),
);
export type ZoneActionsQuery = v.InferOutput<typeof zoneActionsQuerySchema>;

/**
 * `POST /v1/enterprises/{eid}/actions` body: an action added by hand, either about a checklist item (its title,
 * legal basis and severity come from the template) or described in its own words.
 */
export const createActionSchema = v.pipe(
  v.strictObject({
    itemId: v.optional(id('itemId')),
    title: v.optional(localized),
    severity: v.optional(
      v.picklist(
        ['critical', 'major', 'minor'],
        said('Mức độ phải là critical, major hoặc minor', 'severity is critical, major or minor'),
      ),
    ),
    dueOn: v.optional(isoDate('dueOn')),
    owner: v.optional(nameText(200)),
    note: v.optional(note),
  }),
  v.check(
    (body) => body.itemId !== undefined || (body.title !== undefined && body.severity !== undefined),
    said(
      'Hãy chọn một mục bảng kiểm (itemId), hoặc nhập tiêu đề và mức độ',
      'give an itemId, or a title and a severity',
    ),
  ),
);
export type CreateActionInput = v.InferOutput<typeof createActionSchema>;

/** `PATCH /v1/enterprises/{eid}/actions/{acid}` body (with `If-Match`). */
export const patchActionSchema = v.pipe(
  v.strictObject({
    status: v.optional(v.picklist(statuses, statusMessage)),
    owner: v.optional(nameText(200)),
    /** A new due day for a pending action: the firm only brings it forward, an overseer may move it either way. */
    dueOn: v.optional(isoDate('dueOn')),
    note: v.optional(note),
    evidenceIds: v.optional(
      v.pipe(
        v.array(id('evidence id')),
        v.maxLength(20, said('Tối đa 20 minh chứng cho một hành động', 'at most 20 evidence ids per action')),
      ),
    ),
  }),
  v.check(
    (body) => Object.keys(body).length > 0,
    said(
      'Hãy thay đổi ít nhất một trong: trạng thái, người phụ trách, hạn, ghi chú, minh chứng',
      'change at least one of status, owner, dueOn, note, evidenceIds',
    ),
  ),
);
export type PatchActionInput = v.InferOutput<typeof patchActionSchema>;

/** A corrective action as the API returns it. */
export const actionSchema = v.object({
  id: v.string(),
  enterpriseId: v.string(),
  zoneId: v.string(),
  source: v.object({
    kind: v.picklist(['self_check', 'inspection', 'evidence_review', 'manual']),
    id: v.optional(v.string()),
    itemId: v.optional(v.string()),
  }),
  title: v.object({ vi: v.string(), en: v.string() }),
  legalBasis: v.array(v.object({ document: v.string(), article: v.string() })),
  severity: v.picklist(['critical', 'major', 'minor']),
  evidenceKinds: v.optional(v.array(v.string())),
  status: v.picklist(statuses),
  owner: v.optional(v.string()),
  dueOn: v.string(),
  doneOn: v.optional(v.string()),
  evidenceIds: v.optional(v.array(v.string())),
  note: v.optional(v.string()),
  verifiedBy: v.optional(v.string()),
  /** Pending and past its due day, today in Vietnam. */
  overdue: v.boolean(),
  version: v.number(),
  createdAt: v.string(),
  createdBy: v.string(),
  updatedAt: v.string(),
  updatedBy: v.string(),
});
export type ActionView = v.InferOutput<typeof actionSchema>;

/** A page of actions. */
export const actionListSchema = v.object({
  items: v.array(actionSchema),
  nextCursor: v.nullable(v.string()),
});
export type ActionList = v.InferOutput<typeof actionListSchema>;

/**
 * `GET /v1/zones/{zid}/actions` entries: an action with its firm's name and the file names of its evidence, so a
 * zone's list names them instead of showing ids.
 */
export const zoneActionSchema = v.object({
  ...actionSchema.entries,
  enterpriseName: v.optional(v.string()),
  evidenceFiles: v.optional(v.array(v.object({ id: v.string(), fileName: v.string() }))),
});
export type ZoneActionView = v.InferOutput<typeof zoneActionSchema>;
export const zoneActionListSchema = v.object({
  items: v.array(zoneActionSchema),
  nextCursor: v.nullable(v.string()),
});
export type ZoneActionList = v.InferOutput<typeof zoneActionListSchema>;

/** `GET /v1/enterprises/{eid}/audit` query. */
export const auditQuerySchema = v.strictObject(listQueryEntries);

/** One entry of a firm's history. */
export const auditEntrySchema = v.object({
  at: v.string(),
  actor: v.string(),
  action: v.string(),
  target: v.object({ kind: v.string(), id: v.string() }),
  changes: v.record(v.string(), v.unknown()),
});
export type AuditEntryView = v.InferOutput<typeof auditEntrySchema>;

/** A page of history, newest first. */
export const auditListSchema = v.object({
  items: v.array(auditEntrySchema),
  nextCursor: v.nullable(v.string()),
});
export type AuditList = v.InferOutput<typeof auditListSchema>;
