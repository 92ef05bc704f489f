// `npm run dev` only: Vite's dev server puts the app's styles in <style> elements (a build links them as
// files), and index.html's Content-Security-Policy (style-src 'self') blocks those, which left the page
// unstyled. The dev server's copy of the policy also allows inline styles; a build keeps index.html's policy.
import type { Plugin } from 'vite';

const STRICT = "style-src 'self';";
export const DEV_STYLE_SRC = "style-src 'self' 'unsafe-inline';";

/** index.html with the development policy; throws if the policy no longer says what this expects. */
export function devPage(html: string): string {
  if (!html.includes(STRICT))
    throw new Error(
      `index.html: the Content-Security-Policy no longer contains "${STRICT}"; update dev-policy.ts`,
    );
  return html.replace(STRICT, DEV_STYLE_SRC);
}

export function devPolicy(): Plugin {
  return { name: 'verbatim-dev-policy', apply: 'serve', transformIndexHtml: devPage };
}
