import { ulid } from 'ulid';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { DbError } from './errors';
import { keys } from './keys';
import { queryPage } from './query';
import { transactWrite } from './transact';

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

/**
 * Records a change made outside the table (the identity provider's users) under each of its owners, in one
 * transaction: every owner's history gets the entry, or none does.
 */
export async function recordAudit(
  ctx: DbContext,
  ownerPks: readonly string[],
  entry: AuditEntry,
): Promise<void> {
  if (ownerPks.length === 0) throw new Error('an audit entry needs an owner');
  await transactWrite(
    ctx,
    ownerPks.map((ownerPk) => auditPut(ctx.tableName, ownerPk, entry)),
    // No condition: nothing but a transient failure can refuse it (retried there, then a TransientDbError).
    () => new DbError('audit entry refused'),
  );
}

/** An audit entry as the history shows it. */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

/** An enterprise's audit entries, newest first. */
export function listAuditOfEnterprise(
  ctx: DbContext,
  query: { enterpriseId: string; limit: number; cursor?: string | undefined },
): Promise<Page<AuditRecord>> {
  return queryPage(
    ctx,
    {
      partition: keys.enterprise(query.enterpriseId).pk,
      sortBeginsWith: keys.auditPrefix,
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
    },
    (item) => ({
      at: item.at as string,
      actor: item.actor as string,
      action: item.action as string,
      target: item.target as string,
      ...(item.details === undefined ? {} : { details: item.details as Record<string, unknown> }),
    }),
  );
}
