/**
 * Pasted HTML from Word, Google Docs or a web page, reduced to its structure before the editor
 * parses it against the body schema (which already ignores anything it has no rule for). Runs in
 * the browser only: it uses the DOM's own parser, which never executes what it parses.
 */
const DROPPED = 'script, style, iframe, object, embed, meta, link, title, template, svg, math, form, input, button, select, textarea';

// The body has H2 and H3 only: a document's title level and its deeper levels fold into them.
const HEADING_MAP: Record<string, string> = { H1: 'h2', H4: 'h3', H5: 'h3', H6: 'h3' };

// Only what the schema reads: links' targets, and inline font styles that mean bold or italic.
const KEPT_ATTRIBUTES = new Set(['href', 'style', 'start']);

export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(DROPPED).forEach((element) => element.remove());

  for (const [from, to] of Object.entries(HEADING_MAP)) {
    doc.querySelectorAll(from).forEach((heading) => {
      const replacement = doc.createElement(to);
      replacement.append(...heading.childNodes);
      heading.replaceWith(replacement);
    });
  }

  doc.body.querySelectorAll('*').forEach((element) => {
    for (const attribute of [...element.attributes]) {
      if (!KEPT_ATTRIBUTES.has(attribute.name)) element.removeAttribute(attribute.name);
    }
    const style = element.getAttribute('style');
    if (style !== null) {
      const kept = style
        .split(';')
        .filter((rule) => /^\s*font-(weight|style)\s*:/i.test(rule))
        .join(';');
      if (kept) element.setAttribute('style', kept);
      else element.removeAttribute('style');
    }
  });
  return doc.body.innerHTML;
}
