// Small DOM helpers the screens share: moving focus to a heading, and waiting for a lazily loaded
// route to render an element.

/** Default wait for a lazily loaded route to render (a slow machine loads a route in well under this). */
const RENDER_WAIT_MS = 5000;

/** Focuses a heading that is not focusable by itself (WCAG 2.4.3: users hear where they are). */
export function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** The first match inside root, waiting for lazily loaded routes to render it. */
export function waitFor(
  root: HTMLElement,
  selector: string,
  timeout = RENDER_WAIT_MS,
): Promise<HTMLElement | null> {
  const found = root.querySelector<HTMLElement>(selector);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const el = root.querySelector<HTMLElement>(selector);
      if (el) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(el);
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, timeout);
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** Resolves once the next frame is drawn (soon after, where nothing is drawn, as in unit tests). */
export const nextFrame = (): Promise<void> =>
  new Promise((done) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => setTimeout(done, 0))
      : setTimeout(done, 0),
  );
