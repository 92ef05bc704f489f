import { describe, expect, it } from 'vitest';
import { createStatementFinder } from '../../../src/core/index.ts';
import { library } from '../../helpers/library.ts';

describe('createStatementFinder', () => {
  const finder = createStatementFinder(library.list());

  it.each([
    [
      'hi its Jo from child maintenance i should tell you that this call may be recorded',
      'call-recording-notice',
    ],
    ['we are askin for informaton under child support law', 'false-information-warning'],
    ['so the child maintenance group collects information for the purpose of', 'confidentiality-statement'],
  ])('finds the statement in "%s"', (text, id) => {
    expect(finder.find(text)?.id).toBe(id);
  });

  it('finds nothing in talk that is no statement', () => {
    expect(finder.find('can you spell your surname for me please')).toBeNull();
    expect(finder.find('')).toBeNull();
  });
});
