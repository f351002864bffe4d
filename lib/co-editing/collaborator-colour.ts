/**
 * Each person's colour in a shared article: their caret, selection and name tag. Dark enough for
 * white text on it at 4.5:1 (WCAG AA), and far enough apart to tell eight people apart. The same
 * person has the same colour in every article and on every screen.
 */
const COLLABORATOR_COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7e22ce', '#c2410c', '#0e7490', '#be185d', '#4d7c0f'] as const;

export function collaboratorColour(userId: number): string {
  return COLLABORATOR_COLOURS[userId % COLLABORATOR_COLOURS.length]!;
}
