import type { AttemptRecord } from '../../src/core/ports/index.ts';

export function reviewRecord(i: number): AttemptRecord;
