// A coach (for the teams they coach) or an admin imports a team file: the JSON the export gives, or
// the app's own attempts file. Checked whole first (import-check.ts): any problem refuses the file
// with every problem located and stores nothing. Importing the same file twice stores nothing new.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http-error.ts';
import { requireUser } from '../auth/plugin.ts';
import { validated } from '../validation.ts';
import { REVIEW_LIMITS } from '../../core/review/index.ts';
import { checkTeamFile } from './import-check.ts';
import { storeTeamFile } from './import-store.ts';

const ImportQuery = z.object({
  /** The file's name, shown beside everything it brings in. */
  file: z.string().max(REVIEW_LIMITS.titleChars).default('team file'),
});

/**
 * The file's limit is in characters (REVIEW_LIMITS.maxFileBytes, checked with a message that says
 * what to do); a UTF-8 body may take up to 3 bytes a character, so the byte limit lets every file
 * through that the character check can then answer in words.
 */
const BODY_LIMIT = REVIEW_LIMITS.maxFileBytes * 3;

const REFUSED = 'The file was not imported (nothing was stored):';

export const teamImportRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.post('/api/team/import', {
    ...validated({ querystring: ImportQuery }, async (request, reply) => {
      const user = requireUser(request);
      if (user.role !== 'coach' && user.role !== 'admin')
        throw new HttpError(403, "Only a coach or an admin can export or import a team's attempts.");
      if (typeof request.body !== 'string')
        throw new HttpError(415, "Send the file's text as it is, with the type text/plain.");
      const checked = await checkTeamFile(db, user, request.body);
      const mark = { file: request.query.file, by: user.displayName, at: new Date().toISOString() };
      const stored = checked.ok ? await storeTeamFile(db, user, checked.file, mark) : checked;
      if (!stored.ok)
        return reply
          .status('notFound' in stored && stored.notFound ? 404 : 400)
          .send({ error: `${REFUSED} ${stored.errors[0]}`, problems: stored.errors });
      return stored.summary;
    }),
    bodyLimit: BODY_LIMIT,
  });
};
