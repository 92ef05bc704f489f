// Scenario packs from the server: QA (or an admin) publishes a version, every signed-in browser lists
// the newest versions and fetches the text of the ones it has not installed. Older versions stay
// readable, so an attempt's pack version can always be fetched again.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ScriptLibrary } from '../../core/index.ts';
import { PACK_LIMITS } from '../../core/packs/index.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http-error.ts';
import { requireRole, requireUser } from '../auth/plugin.ts';
import { validated } from '../validation.ts';
import { checkPack, latestPacks, publishPack, publishedSource } from './publish.ts';

/** Room for the largest pack (PACK_LIMITS.maxBytes) after JSON escapes its quotes and line breaks. */
const PUBLISH_BODY_LIMIT = PACK_LIMITS.maxBytes * 2;
/** Longest pack id or version the server looks up (the pack schema's own limits are shorter). */
const MAX_KEY = 200;

const Publish = z.object({
  file: z.string().trim().min(1).max(MAX_KEY),
  text: z.string().min(1),
});
const VersionParams = z.object({
  packId: z.string().min(1).max(MAX_KEY),
  version: z.string().min(1).max(MAX_KEY),
});

export interface PackRouteOptions {
  db: Kysely<Database>;
  /** The statement library packs are checked against (loaded once, on the first publication). */
  scripts: () => ScriptLibrary;
}

export const packRoutes: FastifyPluginAsync<PackRouteOptions> = async (app, { db, scripts }) => {
  app.post('/api/packs', {
    ...validated({ body: Publish }, async (request, reply) => {
      const user = requireRole(request, 'qa', 'admin');
      const pack = checkPack(request.body, scripts());
      const result = await publishPack(db, user.id, pack, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    }),
    bodyLimit: PUBLISH_BODY_LIMIT,
  });

  app.get('/api/packs', async (request) => {
    requireUser(request);
    return { packs: await latestPacks(db) };
  });

  app.get(
    '/api/packs/:packId/versions/:version',
    validated({ params: VersionParams }, async (request) => {
      requireUser(request);
      const found = await publishedSource(db, request.params.packId, request.params.version);
      if (!found) throw notFound('That pack version');
      return found;
    }),
  );
};
