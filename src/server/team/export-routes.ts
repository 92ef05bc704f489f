// A coach exports the attempts of the teams they coach (or one of them), an admin everything: as
// the browser's JSON export (lossless: turns, notes, disputes and decisions, flags and marks, with
// each attempt's audit trail) or as its CSV (one row per attempt, formula-safe, with a UTF-8 BOM).
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { requireUser } from '../auth/plugin.ts';
import { validated } from '../validation.ts';
import { attemptsCsv, buildExport } from '../../core/review/index.ts';
import { loadTeamAttempts, scopeIds } from './records.ts';

const ExportQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  /** One team only; absent = every team the asker coaches (an admin: every attempt). */
  team: z.uuid().optional(),
});

export const teamExportRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/team/export',
    validated({ querystring: ExportQuery }, async (request, reply) => {
      const user = requireUser(request);
      const { format, team } = request.query;
      const attempts = await loadTeamAttempts(db, await scopeIds(db, user, team));
      const now = new Date().toISOString();
      const name = `verbatim-team-attempts-${now.slice(0, 10)}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      reply.header('cache-control', 'no-store');
      if (format === 'csv') {
        reply.type('text/csv; charset=utf-8');
        return attemptsCsv(attempts);
      }
      reply.type('application/json; charset=utf-8');
      return buildExport(attempts, { exportedAt: now });
    }),
  );
};
