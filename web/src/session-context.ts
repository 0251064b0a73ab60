import { createContext, useContext } from 'react';
import type { ApiClient } from './api';
import type { Session } from './session';

/** The signed-in person and the API client that carries their token. */
export interface SignedIn {
  session: Session;
  api: ApiClient;
  signOut(): void;
}

export const SignedInContext = createContext<SignedIn | null>(null);

/** The signed-in person; only screens behind the sign-in use it. */
export function useSignedIn(): SignedIn {
  const signedIn = useContext(SignedInContext);
  if (!signedIn) throw new Error('useSignedIn is only for screens shown after sign-in');
  return signedIn;
}
