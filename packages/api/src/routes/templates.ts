import { listQuerySchema } from '@antoan/schemas';
import { findTemplate, publishedTemplates, summarizeTemplate } from '@antoan/templates';
import { Hono } from 'hono';
import { authenticate } from '../auth';
import { valid } from '../body';
import type { AppEnv } from '../deps';
import { notFound } from '../errors';

/** Checklist templates: published versions ship with the code, so every signed-in role can read them. */
export const templateRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/templates', authenticate())
    .use('/v1/templates/*', authenticate())
    // Every published template fits one page; the list still takes `limit` and `cursor` like every list.
    .get('/v1/templates', valid('query', listQuerySchema), (c) =>
      c.json({ items: publishedTemplates().map(summarizeTemplate), nextCursor: null }),
    )
    .get('/v1/templates/:tid/versions/:ver', (c) => {
      const version = c.req.param('ver');
      const template = /^[1-9]\d{0,5}$/.test(version)
        ? findTemplate(c.req.param('tid'), Number(version))
        : undefined;
      if (!template) throw notFound('template version');
      c.header('Cache-Control', 'private, max-age=86400, immutable');
      return c.json(template);
    });
