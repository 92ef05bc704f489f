// The terminal diff is the feedback model's: the CLI shows the same words as the app.
export { formatDiff } from '../core/index.ts';
