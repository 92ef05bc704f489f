// The outbox's state in words, the same in the header and on the team page.
import type { SessionEnded, SyncStatus } from '../../core/ports/index.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function syncLine(status: SyncStatus): string {
  const { pendingTurns, pendingOther } = status;
  if (pendingTurns > 0) return `${plural(pendingTurns, 'turn', 'turns')} waiting to sync`;
  if (pendingOther > 0) return `${plural(pendingOther, 'change', 'changes')} waiting to sync`;
  if (status.lastError) return 'Not synced yet';
  return status.lastSyncedAt ? 'All saved to the team server' : 'Syncing…';
}

/** What an ended sign-in leaves waiting on this machine, and that signing in again sends it. */
export function endedLine(ended: SessionEnded): string {
  const { pendingTurns, pendingOther } = ended;
  const parts = [
    ...(pendingTurns > 0 ? [plural(pendingTurns, 'turn', 'turns')] : []),
    ...(pendingOther > 0 ? [plural(pendingOther, 'other change', 'other changes')] : []),
  ];
  if (parts.length === 0)
    return `Nothing is waiting to be sent. Sign in again as ${ended.username} to keep saving to the team.`;
  const waiting = parts.join(' and ');
  const verb = pendingTurns + pendingOther === 1 ? 'is' : 'are';
  return `${waiting} ${verb} kept on this computer and will be sent when you sign in again as ${ended.username}.`;
}
