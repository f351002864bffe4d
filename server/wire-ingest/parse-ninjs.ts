import { Parser } from 'htmlparser2';
import { AppError } from '@/lib/app-error';
import { ninjsProblems } from '@/lib/standards/ninjs-schema';
import type { WireItemInput, WirePhoto } from '@/lib/wire/wire-item';
import { type MarkupElement, markupToBody, plainTextBody } from './markup-to-body';
import { MAX_WIRE_FILE_BYTES, wireDate, wireFileTooLarge } from './wire-file';

/** The part of a ninjs 2.x item Dateline reads; the schema has checked every type before this is used. */
type Ninjs = {
  uri: string;
  type?: string;
  version?: string;
  versioncreated?: string;
  embargoed?: string;
  pubstatus?: 'usable' | 'withheld' | 'canceled';
  slugline?: string;
  located?: string;
  by?: string;
  ednote?: string;
  copyrightholder?: string;
  copyrightnotice?: string;
  usageterms?: string;
  headlines?: { role?: string; value?: string }[];
  descriptions?: { role?: string; value?: string }[];
  bodies?: { role?: string; contenttype?: string; value?: string }[];
  subjects?: { name?: string; uri?: string; literal?: string }[];
  infosources?: { name?: string; uri?: string }[];
  renditions?: { href?: string; width?: number }[];
  associations?: Ninjs[];
};

const KINDS: Record<string, WireItemInput['kind']> = { text: 'text', picture: 'picture', graphic: 'picture', composite: 'package' };

/**
 * A ninjs 2.x item, checked against IPTC's schema before anything is read from it: a file over the
 * size limit, JSON that does not parse, or an item the schema refuses is refused with the schema's
 * own words.
 */
export function parseNinjs(json: string): WireItemInput {
  if (Buffer.byteLength(json) > MAX_WIRE_FILE_BYTES) throw wireFileTooLarge();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AppError('INVALID', 'The ninjs item is not valid JSON.');
  }
  let problems: string[];
  try {
    problems = ninjsProblems(value);
  } catch {
    // The schema is recursive (associations hold whole items): absurd nesting ends the validator's stack.
    throw new AppError('INVALID', 'The ninjs item is nested too deeply to check.');
  }
  if (problems.length > 0) {
    throw new AppError('INVALID', `The item is not valid ninjs 2.x: ${problems.slice(0, 5).join('; ')}.`);
  }
  const item = value as Ninjs;
  const kind = KINDS[item.type ?? 'text'];
  if (!kind) throw new AppError('INVALID', `Dateline takes text, picture and composite items; “${item.uri}” is ${item.type}.`);
  const version = item.version === undefined ? 1 : Number(item.version);
  if (!Number.isInteger(version) || version < 0) throw new AppError('INVALID', `The item's version “${item.version}” is not a whole number.`);

  const rights = { copyrightNotice: item.copyrightnotice ?? '', usageTerms: item.usageterms ?? '' };
  const creditLine = describe(item, 'creditline');
  const provider = item.infosources?.find((source) => source.name)?.name ?? item.copyrightholder ?? '';
  const pictures = kind === 'picture' ? [item] : (item.associations ?? []).filter((association) => association.type === 'picture' || association.type === 'graphic');

  return {
    guid: item.uri,
    version,
    format: 'ninjs',
    kind,
    headline: (item.headlines?.find((headline) => headline.role === 'main') ?? item.headlines?.[0])?.value ?? '',
    slugline: item.slugline ?? '',
    provider,
    located: item.located ?? '',
    byline: item.by ?? '',
    creditLine,
    description: describe(item, 'caption') || describe(item, 'summary'),
    subjects: (item.subjects ?? [])
      .filter((subject) => subject.name)
      .map((subject) => ({ code: subject.uri ?? subject.literal ?? '', name: subject.name! })),
    pubStatus: item.pubstatus ?? 'usable',
    signals: [],
    embargoedUntil: wireDate(item.embargoed, 'embargoed'),
    versionCreated: wireDate(item.versioncreated, 'versioncreated'),
    copyrightHolder: item.copyrightholder ?? '',
    ...rights,
    editorsNote: item.ednote ?? '',
    body: kind === 'text' ? bodyOf(item) : plainTextBody(''),
    photos: pictures.flatMap((picture) => photoOf(picture, { creditLine: creditLine || provider, ...rights })),
    references: [],
  };
}

function describe(item: Ninjs, role: string): string {
  return item.descriptions?.find((description) => description.role === role)?.value?.trim() ?? '';
}

/** The richest body: HTML when there is one, else plain text. */
function bodyOf(item: Ninjs) {
  const bodies = item.bodies ?? [];
  const html = bodies.find((body) => body.contenttype?.startsWith('text/html') || body.contenttype === 'application/xhtml+xml');
  if (html?.value) return markupToBody(parseHtml(html.value));
  return plainTextBody(bodies.find((body) => body.value)?.value ?? '');
}

/** HTML read into an element tree by htmlparser2, which only tokenises: nothing in it runs. */
function parseHtml(html: string): MarkupElement['children'] {
  const root: MarkupElement = { tag: 'root', attrs: {}, children: [] };
  const open: MarkupElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const element: MarkupElement = { tag: name, attrs, children: [] };
        open.at(-1)!.children.push(element);
        open.push(element);
      },
      ontext(text) {
        open.at(-1)!.children.push({ text });
      },
      onclosetag() {
        if (open.length > 1) open.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root.children;
}

/** A picture's largest rendition, with its caption, credit and rights (its own, else the item's). */
function photoOf(picture: Ninjs, inherited: Pick<WirePhoto, 'creditLine' | 'copyrightNotice' | 'usageTerms'>): WirePhoto[] {
  const largest = [...(picture.renditions ?? [])].filter((r) => r.href).sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  if (!largest) return [];
  return [
    {
      href: largest.href!,
      caption: describe(picture, 'caption') || (picture.descriptions?.[0]?.value ?? '').trim(),
      creator: picture.by ?? '',
      creditLine: describe(picture, 'creditline') || inherited.creditLine,
      copyrightNotice: picture.copyrightnotice ?? inherited.copyrightNotice,
      usageTerms: picture.usageterms ?? inherited.usageTerms,
    },
  ];
}
