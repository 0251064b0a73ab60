import type { DemoUser } from '@antoan/schemas';

/** Who is signed in, and the token the API takes from them. */
export interface Session {
  token: string;
  user: DemoUser;
}

const SESSION_KEY = 'antoan.session';

/** The session of this browser tab, if any (sessionStorage: closing the tab signs out). */
export function loadSession(): Session | null {
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (!stored) return null;
  try {
    const session = JSON.parse(stored) as Partial<Session>;
    return typeof session.token === 'string' && session.user
      ? { token: session.token, user: session.user }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}
