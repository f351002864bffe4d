/**
 * Where a caret at `caret` in `before` belongs once someone else's change has made it `after`: text
 * changed after the caret leaves it where it was, text changed before it moves it by as much, and a
 * caret inside the changed stretch goes to the end of what replaced it. Found from the common
 * beginning and end of the two values, as a text field gets one person's change at a time.
 */
export function caretAfterChange(before: string, after: string, caret: number): number {
  if (before === after) return caret;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (caret <= start) return caret;
  const changedEndBefore = before.length - end;
  if (caret >= changedEndBefore) return caret + after.length - before.length;
  return after.length - end;
}
