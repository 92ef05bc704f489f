// The review module's public API (coaches' history, export and import, disputes).
export * from './schema.ts';
export * from './export-format.ts';
export * from './merge.ts';
export * from './rescore.ts';
export * from './csv.ts';
export * from './disputes.ts';
export * from './aggregate.ts';
export * from './filter.ts';
export * from './limits.ts';
export * from './dates.ts';
export * from './invariants.ts';
export * from './import-file.ts';
export * from './read-sliced.ts';
export * from './piece-text.ts';
export * from './misunderstood.ts';
