// The module the build's plugin (model-assets.ts) provides: the language model's files and its id.
declare module 'virtual:understanding-model' {
  /** Recorded with every decision made from the model's vectors. */
  export const MODEL_ID: string;
  /** Each file model.json needs, by the name it uses, as a path relative to the page (or a dev URL). */
  export const MODEL_FILES: Readonly<Record<string, string>>;
}
