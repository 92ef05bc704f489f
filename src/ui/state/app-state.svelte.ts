// The app shell's state: the route, who is practising, the adapters from src/main.ts, and focus and
// title on each route change (WCAG 2.4.2, 2.4.3: the page's h1 takes focus so screen-reader users
// hear where they are). App.svelte creates it; every route reads it with `AppState.get()`.
import { tick } from 'svelte';
import { Context } from '../context.ts';
import { focusHeading, waitFor } from '../dom.ts';
import type { Services } from './services.ts';
import { Router } from './router.svelte.ts';
import { TraineeState } from './trainee.svelte.ts';
import { Preferences } from './preferences.svelte.ts';
import { TeamState } from './team.svelte.ts';

const AppContext = new Context<AppState>('AppState');

export class AppState {
  router: Router;
  trainee: TraineeState;
  prefs: Preferences;
  team: TeamState;
  services: Services;
  #first = true;

  constructor(services: Services, win: Window = window) {
    this.services = services;
    this.router = new Router(win);
    this.trainee = new TraineeState(services.store);
    this.prefs = new Preferences(services.prefs);
    // Signed in to a team server, the account is who is practising (its attempts are the ones sent).
    this.team = new TeamState(services.team, (user) => {
      if (user && this.trainee.name !== user.username) void this.trainee.choose(user.username);
      // The team's published packs come down on sign-in (and again whenever #/packs opens). The
      // packs state brings the pack loader, so it loads only then: the first page stays in budget.
      if (user)
        void import('./packs.svelte.ts').then(({ PacksState }) =>
          this.team.installPublished(new PacksState(services.packs)),
        );
    });
  }

  /** Builds the app's state from the adapters and provides it to every screen below the caller. */
  static create(services: Services, win: Window = window): AppState {
    return AppContext.set(new AppState(services, win));
  }

  /** The app's state, from a screen below App.svelte. */
  static get(): AppState {
    return AppContext.get();
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
