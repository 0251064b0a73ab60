import type { DemoUser } from './api-types';

/** Who is signed in, and the ID token the API takes from them. */
export interface Session {
  token: string;
  user: DemoUser;
}
