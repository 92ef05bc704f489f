import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { OpenDatabase } from '../db/database.ts';

/** GET /api/health: 200 with the database in use when the database answers, 503 when it does not. */
export const healthRoutes: FastifyPluginAsync<{ database: OpenDatabase }> = async (app, { database }) => {
  app.get('/api/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });
};
