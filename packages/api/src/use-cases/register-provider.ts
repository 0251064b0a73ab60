import { ConflictError, createProvider, type Provider } from '@antoan/db';
import type { CreateProviderInput } from '@antoan/schemas';
import type { AppDeps } from '../deps';

export type RegisterProviderResult =
  | { ok: true; value: Provider }
  | { ok: false; error: { code: 'licence_taken' } };

/** Adds a provider's licence to the register (the authority only); a licence number is registered once. */
export async function registerProvider(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { licence: CreateProviderInput; actor: string; id?: string },
): Promise<RegisterProviderResult> {
  try {
    const value = await createProvider(deps.db, {
      id: input.id ?? deps.newId(),
      ...input.licence,
      createdAt: deps.now().toISOString(),
      createdBy: input.actor,
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'licence_taken') {
      return { ok: false, error: { code: 'licence_taken' } };
    }
    throw error;
  }
}
