// An admin changes an account's role (single sign-on makes every new account a trainee first).
// Each change is written to the audit table with who made it.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { roles, type Database, type Role } from '../db/schema.ts';
import { HttpError, notFound } from '../http-error.ts';
import { requireRole } from '../auth/plugin.ts';
import { validated } from '../validation.ts';

const Params = z.object({ userId: z.uuid() });
const Body = z.object({ role: z.enum(roles as [Role, ...Role[]]) });

export const roleRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.put(
    '/api/users/:userId/role',
    validated({ params: Params, body: Body }, async (request) => {
      const admin = requireRole(request, 'admin');
      const { userId } = request.params;
      const { role } = request.body;
      // An admin who demoted themselves could leave the team server with no admin at all.
      if (userId === admin.id && role !== 'admin')
        throw new HttpError(409, 'Admins cannot change their own role; ask another admin.');
      const user = await db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('users')
          .select('role')
          .where('id', '=', userId)
          .forUpdate()
          .executeTakeFirst();
        if (!before) return null;
        const after = await tx
          .updateTable('users')
          .set({ role })
          .where('id', '=', userId)
          .returning(['id', 'username', 'display_name', 'role'])
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('audit')
          .values({
            actor_id: admin.id,
            action: 'change-role',
            attempt_id: null,
            detail: JSON.stringify({ userId, from: before.role, to: role }),
          })
          .execute();
        return after;
      });
      if (!user) throw notFound('That account');
      return {
        user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role },
      };
    }),
  );
};
