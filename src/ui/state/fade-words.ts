// The statement drill's fading text: which words show at each stage of the drill.

export type DrillStage = 0 | 1 | 2;
export const stageNames = ['Full text', 'Some words hidden', 'From memory'] as const;

export interface DrillWord {
  text: string;
  hidden: boolean;
}

/** Which words show at each stage: at stage 1 every second word of three letters or more is hidden. */
export function fadeWords(wording: string, stage: DrillStage): DrillWord[] | null {
  if (stage === 2) return null;
  let count = 0;
  return wording
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => {
      const candidate = text.replace(/[^\p{L}\p{N}]/gu, '').length >= 3;
      const hidden = stage === 1 && candidate && count++ % 2 === 1;
      return { text, hidden };
    });
}
