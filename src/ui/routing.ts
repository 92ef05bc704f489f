/** Hash routes, so the built files work from any static host. Names never go in the URL. */
export type Route =
  | { name: 'home' }
  /** `packId` is absent in links made before packs were named in them. */
  | { name: 'practise'; scenarioId: string; packId?: string }
  | { name: 'drill'; scriptId: string | null }
  /** `parts`: the path after the route's name, split and decoded here once for every screen. */
  | { name: 'review'; parts: string[] }
  | { name: 'packs'; parts: string[] }
  /** Signing in to the team server (only linked when the app was served by one). */
  /** `failure`: why a single sign-on did not work (a code the server sends the browser back with). */
  | { name: 'team'; failure?: string }
  | { name: 'not-found'; hash: string };

const id = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/?/, '/');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [first, second, ...rest] = parts;
  if (!first) return { name: 'home' };
  if (first === 'practise' && second && id.test(second) && rest.length === 0)
    return { name: 'practise', scenarioId: second };
  const [third, ...more] = rest;
  if (first === 'practise' && second && third && id.test(second) && id.test(third) && more.length === 0)
    return { name: 'practise', packId: second, scenarioId: third };
  if (first === 'drill' && parts.length <= 2)
    return { name: 'drill', scriptId: second && id.test(second) ? second : null };
  if (first === 'team' && !second) return { name: 'team' };
  if (first === 'team' && second === 'sso' && third && id.test(third) && more.length === 0)
    return { name: 'team', failure: third };
  if (first === 'review' || first === 'packs')
    return { name: first, parts: second === undefined ? [] : [second, ...rest] };
  return { name: 'not-found', hash };
}

export const href = {
  home: () => '#/',
  practise: (packId: string, scenarioId: string) =>
    `#/practise/${encodeURIComponent(packId)}/${encodeURIComponent(scenarioId)}`,
  drill: (scriptId?: string) => (scriptId ? `#/drill/${encodeURIComponent(scriptId)}` : '#/drill'),
  review: () => '#/review',
  packs: () => '#/packs',
  team: () => '#/team',
};
