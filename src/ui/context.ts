// A typed Svelte context, as bits-ui's `Context`: one key per kind of state, and a plain error when a
// component asks for one that no ancestor provided. State classes use it through `static create()`
// (the root provides) and `static get()` (any screen below reads).
import { getContext, hasContext, setContext } from 'svelte';

export class Context<T> {
  readonly #name: string;
  readonly #key: symbol;

  constructor(name: string) {
    this.#name = name;
    this.#key = Symbol(name);
  }

  get(): T {
    if (!hasContext(this.#key)) throw new Error(`${this.#name} is not provided: App.svelte creates it`);
    return getContext<T>(this.#key);
  }

  set(value: T): T {
    return setContext(this.#key, value);
  }
}
