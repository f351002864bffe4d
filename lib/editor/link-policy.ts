/**
 * Only these link targets are stored or rendered; `javascript:`, `data:` and friends never are.
 * Kept free of the editor library so the public page can check links without loading Tiptap.
 */
export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

export function isAllowedLink(href: string): boolean {
  try {
    return (LINK_PROTOCOLS as readonly string[]).includes(new URL(href).protocol);
  } catch {
    return false;
  }
}
