// The outbox's state in words, the same in the header and on the team page.
import type { SyncStatus } from '../../core/ports/index.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function syncLine(status: SyncStatus): string {
  const { pendingTurns, pendingOther } = status;
  if (pendingTurns > 0) return `${plural(pendingTurns, 'turn', 'turns')} waiting to sync`;
  if (pendingOther > 0) return `${plural(pendingOther, 'change', 'changes')} waiting to sync`;
  if (status.lastError) return 'Not synced yet';
  return status.lastSyncedAt ? 'All saved to the team server' : 'Syncing…';
}
