// One model of feedback: what was expected, what was said, what it counted for. The practice screens,
// the review pages and the CLI read it, so verdicts agree everywhere.
export * from './words.ts';
export { diffWords, formatDiff, type DiffWord } from './diff.ts';
export * from './call-feedback.ts';
