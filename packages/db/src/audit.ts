import { ulid } from 'ulid';
import { keys } from './keys';

/** Who did what to what, and when. Written in the same transaction as the change it records. */
export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  at: string;
  details?: Record<string, unknown>;
}

/** The Put action that records `entry` under the owner's partition (an enterprise or a zone). */
export function auditPut(tableName: string, ownerPk: string, entry: AuditEntry) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.audit(ownerPk, entry.at, ulid()), type: 'audit', ...entry },
    },
  };
}
