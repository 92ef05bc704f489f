export function writeOldDatabase(options: {
  name: string;
  version: 1 | 4;
  records: readonly unknown[];
  knownTrainees?: string[];
}): Promise<void>;
