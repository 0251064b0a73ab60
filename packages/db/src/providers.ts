import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { ConflictError } from './errors';
import { keys, sortableName } from './keys';
import { queryPage } from './query';
import { read, transactWrite } from './transact';

/** A licensed provider of OSH services. One record is one licence; the register keeps past licences too. */
export interface Provider {
  id: string;
  name: string;
  taxCode: string;
  services: Array<'training' | 'monitoring' | 'health_exam' | 'equipment_inspection'>;
  licenceNo: string;
  validFrom: string;
  validUntil: string;
  createdAt: string;
  createdBy: string;
}

const toProvider = (item: Record<string, unknown>): Provider => ({
  id: item.id as string,
  name: item.name as string,
  taxCode: item.taxCode as string,
  services: item.services as Provider['services'],
  licenceNo: item.licenceNo as string,
  validFrom: item.validFrom as string,
  validUntil: item.validUntil as string,
  createdAt: item.createdAt as string,
  createdBy: item.createdBy as string,
});

/** Registers a provider's licence; a licence number already registered gives ConflictError `licence_taken`. */
export async function createProvider(ctx: DbContext, provider: Provider): Promise<Provider> {
  await transactWrite(
    ctx,
    [
      {
        Put: {
          TableName: ctx.tableName,
          Item: {
            ...keys.provider(provider.id),
            type: 'provider',
            gsi1pk: keys.providerList(),
            gsi1sk: `${sortableName(provider.name)}#${provider.id}`,
            ...provider,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: ctx.tableName,
          Item: { ...keys.providerLicence(provider.licenceNo), type: 'unique', owner: provider.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(ctx.tableName, keys.provider(provider.id).pk, {
        actor: provider.createdBy,
        action: 'provider.create',
        target: provider.id,
        at: provider.createdAt,
        details: { licenceNo: provider.licenceNo, services: provider.services },
      }),
    ],
    (index) =>
      index === 1
        ? new ConflictError('licence_taken', `licence ${provider.licenceNo} is already registered`)
        : new ConflictError('provider_exists', `provider ${provider.id} already exists`),
  );
  return provider;
}

/** One provider by id, or undefined. */
export async function getProvider(ctx: DbContext, providerId: string): Promise<Provider | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.provider(providerId) })),
  );
  return Item ? toProvider(Item) : undefined;
}

/** Providers by these ids (unknown ids are absent), one batch read per 100. */
export async function getProviders(
  ctx: DbContext,
  providerIds: readonly string[],
): Promise<Map<string, Provider>> {
  const found = new Map<string, Provider>();
  const unique = [...new Set(providerIds)];
  for (let start = 0; start < unique.length; start += 100) {
    let pending: Record<string, unknown>[] = unique.slice(start, start + 100).map((id) => keys.provider(id));
    while (pending.length > 0) {
      const request = { [ctx.tableName]: { Keys: pending } };
      const result = await read(() => ctx.doc.send(new BatchGetCommand({ RequestItems: request })));
      for (const item of result.Responses?.[ctx.tableName] ?? [])
        found.set(item.id as string, toProvider(item));
      pending = result.UnprocessedKeys?.[ctx.tableName]?.Keys ?? [];
    }
  }
  return found;
}

/** The register, by name. */
export function listProviders(
  ctx: DbContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Provider>> {
  return queryPage(
    ctx,
    { index: 'gsi1', partition: keys.providerList(), limit: query.limit, cursor: query.cursor },
    toProvider,
  );
}

/** The firm that first declared a provider's certificate number, or undefined when none did. */
export async function getCertificateHolder(
  ctx: DbContext,
  providerId: string,
  certificateNo: string,
): Promise<{ enterpriseId: string; evidenceId: string } | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.certificate(providerId, certificateNo),
        ConsistentRead: true,
      }),
    ),
  );
  return Item
    ? { enterpriseId: Item.enterpriseId as string, evidenceId: Item.evidenceId as string }
    : undefined;
}
