import type { DemoUser } from '@antoan/schemas';

/** Who is signed in, and the ID token the API takes from them. */
export interface Session {
  token: string;
  user: DemoUser;
}
