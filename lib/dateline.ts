/**
 * The dateline: where a story was reported and who reported it, printed the wire way at the start
 * of the first paragraph: `MOSCOW (Sputnik) - Signs from …`.
 */
export function datelineText(place: string, source: string): string {
  return [place.trim(), source.trim() && `(${source.trim()})`].filter(Boolean).join(' ');
}

/** The dateline as the lede's opening words, or nothing when the story has none. */
export function datelineLede(place: string, source: string): string {
  const dateline = datelineText(place, source);
  return dateline ? `${dateline} - ` : '';
}
