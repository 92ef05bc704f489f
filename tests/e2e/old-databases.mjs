// The attempts database as older schema versions laid it out, for the upgrade tests: the Vitest tests
// write it into fake-indexeddb, the browser test (integrity.e2e.mjs) into Chromium's. Plain
// JavaScript that refers to nothing outside itself, so the browser test can hand it to the page.

/**
 * Writes `records` into a database `name` laid out exactly as schema `version` (1, the first release,
 * or 4, scenario indexes on the scenario id alone) created it: each record, from version 4 with its
 * head as that version wrote it, and the remembered `knownTrainees` if given.
 */
export async function writeOldDatabase({ name, version, records, knownTrainees }) {
  if (version !== 1 && version !== 4) throw new Error(`no layout of schema version ${version} here`);
  const db = await new Promise((ok, fail) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const database = request.result;
      const attempts = database.createObjectStore('attempts', { keyPath: 'id' });
      attempts.createIndex('byTrainee', 'trainee');
      attempts.createIndex('byScenario', 'scenarioId');
      attempts.createIndex('byTraineeScenario', ['trainee', 'scenarioId']);
      attempts.createIndex('byStatus', 'status');
      attempts.createIndex('byStartedAt', 'startedAt');
      database.createObjectStore('settings');
      if (version === 1) return;
      attempts.createIndex('byTraineeStartedAt', ['trainee', 'startedAt']);
      const heads = database.createObjectStore('heads', { keyPath: 'id' });
      heads.createIndex('byStartedAt', 'startedAt');
      heads.createIndex('byTrainee', 'trainee');
      heads.createIndex('byScenario', 'scenarioId');
      heads.createIndex('byEnding', 'summary.ending.id');
    };
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
  });
  const tx = db.transaction(
    version === 1 ? ['attempts', 'settings'] : ['attempts', 'settings', 'heads'],
    'readwrite',
  );
  for (const record of records) {
    tx.objectStore('attempts').put(record);
    if (version === 1) continue;
    const { turns: _t, notes: _n, disputes: _d, updatedAt: _u, summary, ...head } = record;
    const { statements: _s, moves: _m, ...brief } = summary ?? {};
    tx.objectStore('heads').put({ ...head, summary: summary ? brief : null });
  }
  if (knownTrainees) tx.objectStore('settings').put(knownTrainees, 'knownTrainees');
  await new Promise((ok, fail) => {
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}
