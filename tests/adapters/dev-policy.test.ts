import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_STYLE_SRC, devPage } from '../../src/adapters/dev-policy.ts';

describe('the dev server’s copy of the Content-Security-Policy', () => {
  const html = readFileSync('index.html', 'utf8');

  it('allows the inline styles Vite injects and changes nothing else', () => {
    const dev = devPage(html);
    expect(dev).toContain(DEV_STYLE_SRC);
    expect(dev).not.toBe(html);
    expect(dev.replace(DEV_STYLE_SRC, "style-src 'self';")).toBe(html);
  });

  it('fails loudly if index.html’s policy no longer says style-src ’self’', () => {
    expect(() => devPage(html.replace("style-src 'self';", "style-src 'self' https:;"))).toThrow(
      /no longer contains/,
    );
  });
});
