// The set-up every server test file that opens databases shares: their timeouts, and both databases
// started once before the file's tests and stopped after them. (Kept apart from databases.ts, which
// the load run also imports outside the test runner.)
import { afterAll, beforeAll, vi } from 'vitest';
import { SERVER_TEST_TIMEOUTS, startDatabases, stopDatabases } from './databases.ts';

/** Call at the top of a test file: sets the server timeouts and starts/stops both databases around it. */
export function useTestDatabases(): void {
  vi.setConfig(SERVER_TEST_TIMEOUTS);
  beforeAll(() => startDatabases());
  afterAll(() => stopDatabases());
}
