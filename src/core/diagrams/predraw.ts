/**
 * Which of the notes' diagrams a diagram page draws ahead while it is idle: those of the user's own notes first
 * (the starter notes' after them), each source once, none that has a picture already, none too long to be worth it.
 */

export interface PredrawCandidate {
  source: string;
  /** From the starter notes that ship with the extension (drawn after the user's own). */
  starter: boolean;
}

export interface PredrawLimits {
  maxSources: number;
  maxSourceLength: number;
}

export function predrawSources(
  candidates: readonly PredrawCandidate[],
  hasPicture: (source: string) => boolean,
  limits: PredrawLimits,
): string[] {
  const ordered = [...candidates.filter((c) => !c.starter), ...candidates.filter((c) => c.starter)];
  const chosen: string[] = [];
  const seen = new Set<string>();
  for (const { source } of ordered) {
    if (chosen.length >= limits.maxSources) break;
    if (seen.has(source) || source.length > limits.maxSourceLength || !source.trim()) continue;
    seen.add(source);
    if (!hasPicture(source)) chosen.push(source);
  }
  return chosen;
}
