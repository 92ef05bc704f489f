import { createSubscriber } from 'svelte/reactivity';
import { on } from 'svelte/events';
import { parseHash, type Route } from '../routing.ts';

/** The current hash route, reactive through the hashchange event. */
export class Router {
  #win: Window;
  #subscribe: () => void;

  constructor(win: Window = window) {
    this.#win = win;
    this.#subscribe = createSubscriber((update) => on(win, 'hashchange', update));
  }

  get route(): Route {
    this.#subscribe();
    return parseHash(this.#win.location.hash);
  }

  go(hash: string): void {
    this.#win.location.hash = hash;
  }
}
