import { describe, expect, it } from 'vitest';
import { href, parseHash } from '../../src/ui/routing.ts';

describe('parseHash', () => {
  it.each([
    ['', { name: 'home' }],
    ['#', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/practise/bogus-caller', { name: 'practise', scenarioId: 'bogus-caller' }],
    [
      '#/practise/cms-core/bogus-caller',
      { name: 'practise', packId: 'cms-core', scenarioId: 'bogus-caller' },
    ],
    ['#/practise/cms-core/Bad%20Id', { name: 'not-found', hash: '#/practise/cms-core/Bad%20Id' }],
    ['#/practise/a/b/c', { name: 'not-found', hash: '#/practise/a/b/c' }],
    ['#/drill', { name: 'drill', scriptId: null }],
    ['#/drill/confidentiality-statement', { name: 'drill', scriptId: 'confidentiality-statement' }],
    ['#/review', { name: 'review', parts: [] }],
    ['#/review/attempt/abc', { name: 'review', parts: ['attempt', 'abc'] }],
    ['#/review/trainee/Jo%20Bloggs', { name: 'review', parts: ['trainee', 'Jo Bloggs'] }],
    ['#/review/trainee/%E0%A4%A', { name: 'review', parts: ['trainee', '%E0%A4%A'] }],
    ['#/packs/cms-core', { name: 'packs', parts: ['cms-core'] }],
    ['#/packs/my%2Fpack/edit', { name: 'packs', parts: ['my/pack', 'edit'] }],
    ['#/practise/Bad%20Id', { name: 'not-found', hash: '#/practise/Bad%20Id' }],
    ['#/nowhere', { name: 'not-found', hash: '#/nowhere' }],
    ['#/team', { name: 'team' }],
    ['#/team/sso/taken', { name: 'team', failure: 'taken' }],
    ['#/team/sso/<script>', { name: 'not-found', hash: '#/team/sso/<script>' }],
    ['#/team/other', { name: 'not-found', hash: '#/team/other' }],
  ])('reads %s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('round-trips the links it makes', () => {
    expect(parseHash(href.practise('cms-more', 'suicide-threat'))).toEqual({
      name: 'practise',
      packId: 'cms-more',
      scenarioId: 'suicide-threat',
    });
    expect(parseHash(href.home())).toEqual({ name: 'home' });
  });
});
