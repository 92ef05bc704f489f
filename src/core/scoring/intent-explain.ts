/**
 * Explain: a decision as the plain data shown in feedback, stored on attempts and printed by the CLI.
 * Evidence on every decision: the nearest example, its similarity, the words that carried it, the
 * runner-up and the lead over it, and which matcher decided.
 */
import type { Decision, Ranked } from './intent-decide.ts';
import type { IntentEvidence, IntentMatch } from './types.ts';

export function explain(d: Decision, model: string | null): IntentMatch {
  const best = d.best;
  const evidence = evidenceOf(d, model);
  if (d.intent !== null && best !== null) {
    const runner = d.runnerUp?.score ?? 0;
    return {
      intent: d.intent,
      confidence: round(Math.min(1, best.score + Math.max(0, best.score - runner) / 2)),
      matchedWords: best.candidate.lexical.words,
      best: { id: best.candidate.id, score: round(best.score) },
      evidence,
    };
  }
  return {
    intent: null,
    confidence: 0,
    matchedWords: [],
    best:
      best === null
        ? null
        : {
            id: best.candidate.id,
            score: round(best.score),
            refusedBecause:
              best.refused ??
              (best.score > 0 ? (d.reason ?? 'too little of it was said') : 'nothing in common'),
          },
    ...(d.unclear ? { unclear: true } : {}),
    evidence,
  };
}

function evidenceOf(d: Decision, model: string | null): IntentEvidence {
  const best: Ranked | null = d.best;
  const semantic = best?.semantic;
  return {
    matcher: model === null ? 'lexical' : 'hybrid',
    ...(model !== null ? { model } : {}),
    nearestExample: semantic?.example ?? best?.candidate.lexical.example ?? null,
    ...(best?.part !== undefined ? { part: best.part } : {}),
    similarity: semantic ? round(semantic.nearest) : null,
    lexical: round(best?.candidate.lexical.score ?? 0),
    words: best?.candidate.lexical.words ?? [],
    runnerUp: d.runnerUp ? { id: d.runnerUp.candidate.id, score: round(d.runnerUp.score) } : null,
    margin: best && d.runnerUp ? round(best.score - d.runnerUp.score) : null,
    risky: d.risky,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
