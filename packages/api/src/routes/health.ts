import { Hono } from 'hono';
import type { AppEnv } from '../deps';

/** `GET /v1/health`: open to anyone, touches nothing. */
export const healthRoutes = () => new Hono<AppEnv>().get('/v1/health', (c) => c.json({ status: 'ok' }));
