// The ports: the shapes the UI and the adapters exchange, defined once here. Adapters implement
// them, src/main.ts wires them, and the screens see only these types (tests/architecture.test.ts).
export type * from './attempt-store.ts';
export type * from './practice-library.ts';
export type * from './review-pages.ts';
export type * from './pack-store.ts';
export type * from './speech.ts';
export type * from './team-server.ts';
export type * from './understanding.ts';
export type * from './team-files.ts';
