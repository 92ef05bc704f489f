// Turns written in one batch: each only into its sender's own attempt, and each only once.
import { describe, expect, it } from 'vitest';
import { turnWriter } from '../../src/server/attempts/turn-writer.ts';
import { createAccount } from '../../src/server/auth/accounts.ts';
import { databaseKinds, openTestDatabase } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';

useTestDatabases();

describe.each(databaseKinds)('turn writer (%s)', (kind) => {
  it('stores a batch of turns, each once and only into the sender’s own attempt', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { db } = database;
      const user = async (name: string) =>
        (await createAccount(db, { username: name, displayName: name, role: 'trainee' }))!.id;
      const [ann, ben] = [await user('ann'), await user('ben')];
      const attempt = async (trainee: string) => {
        const id = crypto.randomUUID();
        const at = new Date().toISOString();
        await db
          .insertInto('attempts')
          .values({
            id,
            trainee_id: trainee,
            pack_id: 'p',
            pack_version: '1',
            scenario_id: 's',
            scenario_title: 'S',
            mode: 'practice',
            status: 'in-progress',
            started_at: at,
            updated_at: at,
            summary: null,
            score: null,
            passed: null,
          })
          .execute();
        return id;
      };
      const [annsAttempt, bensAttempt] = [await attempt(ann), await attempt(ben)];
      const write = turnWriter(db);
      const turn = (userId: string, attemptId: string, index: number, text: string) =>
        write({ userId, attemptId, index, body: JSON.stringify({ text }), flagged: index === 1 });

      // All sent together, so they go in one batch.
      const results = await Promise.all([
        turn(ann, annsAttempt, 0, 'hello'),
        turn(ann, annsAttempt, 0, 'hello'),
        turn(ann, annsAttempt, 1, 'second'),
        turn(ann, bensAttempt, 0, 'into someone else’s attempt'),
        turn(ben, bensAttempt, 0, 'ben’s own'),
      ]);
      // A resend answers with what is stored there; someone else's attempt, with nothing.
      expect(results).toEqual([true, { body: { text: 'hello' } }, true, null, true]);
      expect(await turn(ann, annsAttempt, 1, 'second')).toEqual({ body: { text: 'second' } });
      // A turn the database refuses (jsonb cannot hold U+0000) fails alone, not its whole batch.
      const mixed = await Promise.all([
        turn(ann, annsAttempt, 2, 'nul \u0000 inside').catch(() => 'refused'),
        turn(ann, annsAttempt, 3, 'fine'),
      ]);
      expect(mixed).toEqual(['refused', true]);
      const rows = await db
        .selectFrom('turns')
        .select(['attempt_id', 'idx', 'body', 'flagged'])
        .orderBy('attempt_id')
        .orderBy('idx')
        .execute();
      expect(rows.filter((r) => r.attempt_id === annsAttempt)).toEqual([
        { attempt_id: annsAttempt, idx: 0, body: { text: 'hello' }, flagged: false },
        { attempt_id: annsAttempt, idx: 1, body: { text: 'second' }, flagged: true },
        { attempt_id: annsAttempt, idx: 3, body: { text: 'fine' }, flagged: false },
      ]);
      expect(rows.filter((r) => r.attempt_id === bensAttempt)).toEqual([
        { attempt_id: bensAttempt, idx: 0, body: { text: 'ben’s own' }, flagged: false },
      ]);
    } finally {
      await database.close();
    }
  });
});
