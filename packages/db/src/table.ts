import { actionDueFields, actionOutboxFields } from './actions';
import { evidenceExpiryFields, selfCheckDueFields } from './evidence';
import { scoreLineFields } from './oversight';
import { targetEntryFields } from './targets';

/**
 * The single-table definition. CDK's data stack and the local bootstrap both build the table from this
 * object, so the two can never drift apart.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items with this attribute (epoch seconds) are deleted by DynamoDB's TTL (idempotency records). */
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    /** Lists: zones by code, enterprises of a zone by name. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /**
     * Rankings: firms of a zone and period by score, and the sample order of the target index. Its two queries read
     * a target entry and a score line, so it projects those only: a score's sections, its assessment id and the
     * firm's headcount stay in the table (smaller index items, fewer read units per page of the zone's list).
     */
    {
      indexName: 'gsi2',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      include: [...new Set([...targetEntryFields, ...scoreLineFields])],
    },
    /**
     * Dates: evidence by expiry date, self-checks by due date, actions by due date, undrained action outboxes. Its
     * four queries feed the daily jobs, which read a few fields of each, so it projects those only: every write to
     * an item in it (an action, a firm's profile, verified evidence, an outbox) costs its index copy at that size,
     * not the whole item's.
     */
    {
      indexName: 'gsi3',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      include: [
        ...new Set([
          ...evidenceExpiryFields,
          ...selfCheckDueFields,
          ...actionDueFields,
          ...actionOutboxFields,
        ]),
      ],
    },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

/**
 * What an index projects: the attributes named in `include` (beside the keys), else every attribute. Gsi1 projects
 * ALL because its queries return whole records (zones, providers, enterprises, evidence, actions, target entries);
 * projecting less would need a second read per item. For gsi1's target entries, ALL adds only `type`, `gsi2pk` and
 * `gsi2sk` (about 88 bytes; an entry stays under the 1 KB of one index WRU either way), see API.md.
 */
export function projectionOf(
  index: (typeof tableDefinition.globalSecondaryIndexes)[number],
): { type: 'ALL' } | { type: 'INCLUDE'; attributes: string[] } {
  return 'include' in index ? { type: 'INCLUDE', attributes: [...index.include] } : { type: 'ALL' };
}
