// The app shell's state: the route, who is practising, and focus and title on each route change
// (WCAG 2.4.2, 2.4.3: the page's h1 takes focus so screen-reader users hear where they are).
import { tick } from 'svelte';
import type { Services } from './services.ts';
import { Router } from './router.svelte.ts';
import { TraineeState } from './trainee.svelte.ts';
import { Preferences } from './preferences.svelte.ts';

export class AppState {
  router: Router;
  trainee: TraineeState;
  prefs: Preferences;
  services: Services;
  #first = true;

  constructor(services: Services, win: Window = window) {
    this.services = services;
    this.router = new Router(win);
    this.trainee = new TraineeState(services.store);
    this.prefs = new Preferences(services.prefs);
  }

  /** After a route renders: title from its h1, and focus on it (not on first load). */
  async settle(main: HTMLElement): Promise<void> {
    const moveFocus = !this.#first;
    this.#first = false;
    await tick();
    const heading = await waitFor(main, 'h1');
    if (!heading) return;
    document.title = `${heading.textContent?.trim() ?? ''} – Verbatim`;
    if (moveFocus) focusHeading(heading);
  }
}

export function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** The first match inside root, waiting for lazily loaded routes to render it. */
export function waitFor(root: HTMLElement, selector: string, timeout = 5000): Promise<HTMLElement | null> {
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
