// How a pack problem's place is described on screen: file, path in the pack, line and column.
import type { PackError } from '../../../core/packs/index.ts';

export function describeLocation(e: PackError): string {
  const at = e.line !== undefined ? ` (line ${e.line}:${e.column ?? 1})` : '';
  return `${e.file}: ${e.path === '' ? '(whole file)' : e.path}${at}`;
}
