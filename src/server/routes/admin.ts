// Accounts and teams, managed by admins; coaches may list the teams they coach.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { roles, type Database, type Role } from '../db/schema.ts';
import { HttpError, notFound } from '../http-error.ts';
import { addMember, createAccount, createTeam } from '../auth/accounts.ts';
import { requireRole } from '../auth/plugin.ts';
import { validated } from '../validation.ts';

/** NIST SP 800-63B: at least 8 characters for a chosen password. */
const MIN_PASSWORD_LENGTH = 8;
const NewUser = z.object({
  username: z.string().trim().min(1).max(200),
  displayName: z.string().min(1).max(200),
  role: z.enum(roles as [Role, ...Role[]]),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
});
const NewTeam = z.object({ name: z.string().trim().min(1).max(200) });
const Member = z.object({ userId: z.uuid(), membership: z.enum(['trainee', 'coach']) });
const TeamParams = z.object({ teamId: z.uuid() });

type Db = Kysely<Database>;

export const adminRoutes: FastifyPluginAsync<{ db: Db; passwordCost: number }> = async (
  app,
  { db, passwordCost },
) => {
  addUser(app, db, passwordCost);
  listUsers(app, db);
  addTeam(app, db);
  addTeamMember(app, db);
  listTeams(app, db);
};

/** An admin creates an account. */
function addUser(app: FastifyInstance, db: Db, passwordCost: number) {
  app.post(
    '/api/users',
    validated({ body: NewUser }, async (request, reply) => {
      requireRole(request, 'admin');
      const user = await createAccount(db, request.body, passwordCost);
      if (!user) throw new HttpError(409, 'That username is taken.');
      return reply.status(201).send({ user });
    }),
  );
}

/** An admin lists every account. */
function listUsers(app: FastifyInstance, db: Db) {
  app.get('/api/users', async (request) => {
    requireRole(request, 'admin');
    const rows = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role'])
      .orderBy('username')
      .execute();
    return {
      users: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role })),
    };
  });
}

/** An admin creates a team. */
function addTeam(app: FastifyInstance, db: Db) {
  app.post(
    '/api/teams',
    validated({ body: NewTeam }, async (request, reply) => {
      requireRole(request, 'admin');
      const team = await createTeam(db, request.body.name);
      if (!team) throw new HttpError(409, 'A team with that name exists.');
      return reply.status(201).send({ team });
    }),
  );
}

/** An admin adds a trainee or coach to a team. */
function addTeamMember(app: FastifyInstance, db: Db) {
  app.put(
    '/api/teams/:teamId/members',
    validated({ params: TeamParams, body: Member }, async (request) => {
      requireRole(request, 'admin');
      // One row when both the team and the account exist.
      const found = await db
        .selectFrom(['teams', 'users'])
        .select(['teams.id as teamId', 'users.id as userId'])
        .where('teams.id', '=', request.params.teamId)
        .where('users.id', '=', request.body.userId)
        .executeTakeFirst();
      if (!found) throw notFound('That team or account');
      await addMember(db, found.teamId, found.userId, request.body.membership);
      return { added: true };
    }),
  );
}

/** Admins see every team; coaches the teams they coach. */
function listTeams(app: FastifyInstance, db: Db) {
  app.get('/api/teams', async (request) => {
    const user = requireRole(request, 'admin', 'coach');
    let query = db.selectFrom('teams').select(['teams.id', 'teams.name']).orderBy('teams.name');
    if (user.role !== 'admin') {
      query = query
        .innerJoin('team_members', 'team_members.team_id', 'teams.id')
        .where('team_members.user_id', '=', user.id)
        .where('team_members.membership', '=', 'coach');
    }
    return { teams: await query.execute() };
  });
}
