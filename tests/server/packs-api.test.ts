import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { useTestDatabases } from './use-databases.ts';
import { startTeamServer, type Client, type TeamServer } from './team-api.ts';

useTestDatabases();

const core = readFileSync(join(import.meta.dirname, '../../scenarios/cms-core.yaml'), 'utf8');
/** cms-core under another id and version (its scenarios keep their ids). */
const version = (v: string, extra = '') =>
  core.replace(/^version: .*$/m, `version: ${v}`).replace(/^title: (.*)$/m, `title: $1${extra}`);

describe.each(databaseKinds)('published packs (%s)', (kind) => {
  let server: TeamServer;
  let qa: Client;
  let trainee: Client;
  beforeAll(async () => {
    server = await startTeamServer(kind);
    await server.account('quinn', 'qa');
    await server.account('tess', 'trainee');
    await server.account('cole', 'coach');
    qa = await server.signIn('quinn');
    trainee = await server.signIn('tess');
  });
  afterAll(() => server.close());

  it('lets QA publish a checked version once, with an audit row, and never changes it', async () => {
    const first = await qa.request('POST', '/api/packs', { file: 'cms-core.yaml', text: version('2.0.0') });
    expect(first.status).toBe(201);
    expect(first.json.pack).toMatchObject({ packId: 'cms-core', version: '2.0.0', publishedBy: 'quinn' });
    const again = await qa.request('POST', '/api/packs', { file: 'cms-core.yaml', text: version('2.0.0') });
    expect(again.status).toBe(200);
    expect(again.json.created).toBe(false);
    const changed = await qa.request('POST', '/api/packs', {
      file: 'cms-core.yaml',
      text: version('2.0.0', ' (edited)'),
    });
    expect(changed.status).toBe(409);
    expect(changed.json.error).toMatch(/already published with different content/);
    const older = await qa.request('POST', '/api/packs', { file: 'cms-core.yaml', text: version('1.5.0') });
    expect(older.status).toBe(409);
    expect(older.json.error).toMatch(/publish a newer version/);
    const audit = await server.database.db
      .selectFrom('audit')
      .select(['action', 'detail'])
      .where('action', '=', 'publish-pack')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ packId: 'cms-core', version: '2.0.0' });
  });

  it('refuses a pack the app would refuse, saying where, and stores nothing', async () => {
    const broken = core.replace(/^version: .*$/m, 'version: 9.0.0').replace(/^id: .*$/m, 'id: 42 :');
    const refused = await qa.request('POST', '/api/packs', { file: 'broken.yaml', text: broken });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatch(/^The pack does not load: broken\.yaml/);
    const notYaml = await qa.request('POST', '/api/packs', { file: 'x.yaml', text: 'id: [' });
    expect(notYaml.status).toBe(422);
    const rows = await server.database.db.selectFrom('packs').select('version').execute();
    expect(rows.map((r) => r.version)).toEqual(['2.0.0']);
  });

  it('lets only QA and admins publish', async () => {
    const coach = await server.signIn('cole');
    for (const who of [trainee, coach]) {
      const refused = await who.request('POST', '/api/packs', { file: 'c.yaml', text: version('3.0.0') });
      expect(refused.status).toBe(403);
    }
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/packs',
      payload: { file: 'c.yaml', text: version('3.0.0') },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('gives every signed-in account the newest versions, and keeps older versions readable', async () => {
    expect(
      (await qa.request('POST', '/api/packs', { file: 'cms-core.yaml', text: version('2.1.0') })).status,
    ).toBe(201);
    const list = await trainee.request('GET', '/api/packs');
    expect(list.json.packs).toEqual([expect.objectContaining({ packId: 'cms-core', version: '2.1.0' })]);
    const newest = await trainee.request('GET', '/api/packs/cms-core/versions/2.1.0');
    expect(newest.json).toMatchObject({ file: 'cms-core-2.1.0.yaml', text: version('2.1.0') });
    const older = await trainee.request('GET', '/api/packs/cms-core/versions/2.0.0');
    expect(older.json.text).toBe(version('2.0.0'));
    expect((await trainee.request('GET', '/api/packs/cms-core/versions/7.0.0')).status).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/api/packs' })).statusCode).toBe(401);
  });

  it("refuses a pack whose scenario id another published pack uses, but not the same pack's new version", async () => {
    const more = readFileSync(join(import.meta.dirname, '../../scenarios/cms-more.yaml'), 'utf8');
    const first = await qa.request('POST', '/api/packs', { file: 'cms-more.yaml', text: more });
    expect(first.status).toBe(201);
    // cms-more's scenarios under another pack id: every id clashes.
    const copy = more.replace(/^id: .*$/m, 'id: cms-copy');
    const clash = await qa.request('POST', '/api/packs', { file: 'cms-copy.yaml', text: copy });
    expect(clash.status).toBe(409);
    expect(clash.json.error).toMatch(
      /^Scenario ids are already published in another pack: "abusive-caller" \(pack cms-more\), .*Give those scenarios new ids, or publish this as a new version of that pack\.$/,
    );
    // One scenario kept under another pack id: named alone.
    const [head, scenarios] = copy.split(/^scenarios:$/m) as [string, string];
    const renamed = `${head}scenarios:${scenarios.replace(/^( {2}- id: )(?!abusive-caller$)(.+)$/gm, '$1copy-$2')}`;
    const one = await qa.request('POST', '/api/packs', { file: 'cms-copy.yaml', text: renamed });
    expect(one.status).toBe(409);
    expect(one.json.error).toMatch(
      /^A scenario id is already published in another pack: "abusive-caller" \(pack cms-more\)\./,
    );
    const stored = await server.database.db
      .selectFrom('packs')
      .select('pack_id')
      .where('pack_id', '=', 'cms-copy')
      .execute();
    expect(stored).toEqual([]);
    // A new version of the same pack (one minor step above the shipped one) keeps its scenario ids.
    const next = more.replace(/^version: (\d+)\.(\d+)\.\d+$/m, (_, major: string, minor: string) => {
      return `version: ${major}.${Number(minor) + 1}.0`;
    });
    expect((await qa.request('POST', '/api/packs', { file: 'cms-more.yaml', text: next })).status).toBe(201);
  });
});
