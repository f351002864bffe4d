import type { ReactNode } from 'react';
import { PhotoFigure } from '@/components/photos/photo-figure';
import type { BodyBlock, BodyDoc, BodyInline, BodyListItem, BodyMark, BodyParagraph } from '@/lib/article-body';
import { isAllowedLink } from '@/lib/editor/link-policy';
import { ORDERED_LIST_STYLES } from '@/lib/editor/validate-body';
import type { PhotoCard } from '@/lib/photos/photo-use';
import { BODY_PHOTO_SIZES } from '@/lib/photos/renditions';

/**
 * The one rendering of an article body, for the editor's preview and the public page. It builds
 * React elements, never HTML strings, so text is always escaped; and it does not trust its input
 * to have been validated: unknown nodes render nothing, a link to anything but http(s) or mailto
 * renders as its text. No hooks, so it runs as a server component and in the browser alike.
 *
 * `lede` (the dateline, `MOSCOW (Sputnik) - `) opens the first paragraph, as the wires print it.
 */
export function ArticleBodyView({ body, photos = {}, lede = '' }: { body: BodyDoc; photos?: Photos; lede?: string }) {
  const blocks = renderBlocks(body.content, photos);
  if (!lede) return <div className="article-body">{blocks}</div>;
  const first = (body.content ?? []).findIndex((block) => block.type === 'paragraph');
  const dateline = <span className="dateline">{lede}</span>;
  if (first === -1) return <div className="article-body"><p>{dateline}</p>{blocks}</div>;
  const opening = body.content[first] as BodyParagraph;
  blocks[first] = (
    <p key={first}>
      {dateline}
      {renderInline(opening.content)}
    </p>
  );
  return <div className="article-body">{blocks}</div>;
}

type Photos = Readonly<Record<number, PhotoCard>>;

function renderBlocks(blocks: readonly (BodyBlock | BodyListItem)[] | undefined, photos: Photos): ReactNode[] {
  return (blocks ?? []).map((block, key) => renderBlock(block, key, photos));
}

function renderBlock(block: BodyBlock | BodyListItem, key: number, photos: Photos): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(block.content)}</p>;
    case 'heading':
      return block.attrs?.level === 3 ? <h3 key={key}>{renderInline(block.content)}</h3> : <h2 key={key}>{renderInline(block.content)}</h2>;
    case 'blockquote':
      return <blockquote key={key}>{renderBlocks(block.content, photos)}</blockquote>;
    case 'bulletList':
      return <ul key={key}>{renderBlocks(block.content, photos)}</ul>;
    case 'orderedList': {
      const start = block.attrs?.start;
      const style = block.attrs?.type;
      return (
        <ol
          key={key}
          start={typeof start === 'number' && Number.isSafeInteger(start) && start > 1 ? start : undefined}
          type={(ORDERED_LIST_STYLES as readonly unknown[]).includes(style) ? (style ?? undefined) : undefined}
        >
          {renderBlocks(block.content, photos)}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{renderBlocks(block.content, photos)}</li>;
    case 'photo': {
      const photoId = block.attrs?.photoId;
      if (!Number.isSafeInteger(photoId)) return null;
      return <PhotoFigure key={key} photoId={photoId} card={photos[photoId]} use={block.attrs} sizes={BODY_PHOTO_SIZES} />;
    }
    default:
      return null;
  }
}

type OpenMark = { mark: BodyMark | null; children: ReactNode[] };

/**
 * Inline content with its marks nested as ProseMirror's DOM serializer does: a mark shared by
 * neighbouring text stays one element, so a link over "the **full** report" is one link, not three.
 */
function renderInline(nodes: readonly BodyInline[] | undefined): ReactNode[] {
  const root: OpenMark = { mark: null, children: [] };
  const open: OpenMark[] = [root];
  let key = 0;

  const close = () => {
    const done = open.pop()!;
    open.at(-1)!.children.push(wrapInMark(done.mark!, done.children, key++));
  };

  for (const node of nodes ?? []) {
    const leaf = renderLeaf(node, key++);
    if (leaf === null) continue;
    const marks = (node.marks ?? []).filter(isRenderedMark);
    // Keep the open marks this node shares from the outside in; close the rest; open its others.
    let kept = 0;
    while (kept < marks.length && kept + 1 < open.length && sameMark(open[kept + 1]!.mark!, marks[kept]!)) kept++;
    while (open.length > kept + 1) close();
    for (const mark of marks.slice(kept)) open.push({ mark, children: [] });
    open.at(-1)!.children.push(leaf);
  }
  while (open.length > 1) close();
  return root.children;
}

function renderLeaf(node: BodyInline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? node.text : null;
    case 'hardBreak':
      return <br key={key} />;
    default:
      return null;
  }
}

/** Marks the renderer knows; a link that is not http(s) or mailto is dropped, leaving its text. */
function isRenderedMark(mark: BodyMark): boolean {
  switch (mark.type) {
    case 'bold':
    case 'italic':
      return true;
    case 'link':
      return typeof mark.attrs?.href === 'string' && isAllowedLink(mark.attrs.href);
    default:
      return false;
  }
}

function sameMark(a: BodyMark, b: BodyMark): boolean {
  if (a.type !== b.type) return false;
  return a.type !== 'link' || b.type !== 'link' || a.attrs.href === b.attrs.href;
}

function wrapInMark(mark: BodyMark, children: ReactNode[], key: number): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong key={key}>{children}</strong>;
    case 'italic':
      return <em key={key}>{children}</em>;
    case 'link':
      return (
        <a key={key} href={mark.attrs.href} rel="noopener noreferrer nofollow">
          {children}
        </a>
      );
  }
}
