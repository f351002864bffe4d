import { escapeUTF8 } from 'entities';
import { Feed } from 'feed';
import type { RevisionDiff } from '@/lib/revisions/revision-diff';
import type { DiffPart } from '@/lib/word-diff';
import { publicPath, type SiteInfo } from '@/lib/public/public-article';
import { changesFeedPath, changesPath, type StoryChanges, versionAnchor, versionLabel } from '@/lib/story-changes/story-changes';
import { channelOptions, htmlText } from './feeds';

/**
 * A story's What changed page as Atom: one entry per listed version, newest first, its content the
 * correction's note and the diff against the version before, as HTML. For monitors and archives.
 */
export function changesAtomFeed(changes: StoryChanges, site: SiteInfo): string {
  const page = site.url + changesPath(changes.slug);
  const feed = new Feed(
    channelOptions(
      changes.versions.map((version) => version.at),
      site,
      {
        title: `What changed: ${changes.headline} · ${site.name}`,
        description: `Every version of “${changes.headline}” readers have read, with what each changed`,
        pagePath: changesPath(changes.slug),
        // Atom only: the channel's RSS link names the same document.
        rssPath: changesFeedPath(changes.slug, 'atom'),
        atomPath: changesFeedPath(changes.slug, 'atom'),
      },
    ),
  );
  for (const version of changes.versions) {
    const content = [
      `<p>${htmlText(`${versionLabel(version)}. Published by ${version.publishedBy}.`)}</p>`,
      ...(version.note ? [`<p><strong>Correction:</strong> ${htmlText(version.note)}</p>`] : []),
      ...(version.foldedMinorFixes > 0 ? [`<p>Includes ${version.foldedMinorFixes === 1 ? 'a small fix' : `${version.foldedMinorFixes} small fixes`} of spelling or style.</p>`] : []),
      version.diff ? diffHtml(version.diff) : `<p>First published at <a href="${escapeUTF8(site.url + publicPath(changes.slug))}">${htmlText(changes.headline)}</a>.</p>`,
    ].join('');
    feed.addItem({
      title: htmlText(`${versionLabel(version)}: ${changes.headline}`),
      id: `${page}#${versionAnchor(version.number)}`,
      link: `${page}#${versionAnchor(version.number)}`,
      date: new Date(version.at),
      published: new Date(version.at),
      content,
    });
  }
  return feed.atom1();
}

/** The same as JSON: the versions with their diffs as the page shows them, and where the rest are. */
export function changesJson(changes: StoryChanges, site: SiteInfo) {
  return {
    story: { headline: changes.headline, url: site.url + publicPath(changes.slug), withdrawn: changes.withdrawn },
    url: site.url + changesPath(changes.slug),
    listedCount: changes.listedCount,
    minorFixesSince: changes.minorFixesSince,
    note: 'Small fixes of spelling and style are not listed on their own; their changes are in the next listed version’s diff.',
    versions: changes.versions.map((version) => ({
      ...version,
      label: versionLabel(version),
      url: `${site.url + changesPath(changes.slug)}#${versionAnchor(version.number)}`,
    })),
    older: changes.olderPath === null ? null : site.url + changes.olderPath,
  };
}

/**
 * A version's diff as HTML for a feed reader, which renders what it is given: each changed field,
 * line and caption as a paragraph with <del>/<ins> and the words "deleted:"/"inserted:" in
 * brackets (a feed has no stylesheet to hide them). Every text is escaped.
 */
function diffHtml(diff: RevisionDiff): string {
  const fields = diff.fields.filter((field) => field.changed).map((field) => paragraph(field.label, field.parts));
  const body = diff.body.filter((block) => block.change !== 'same' && block.change !== 'moved').map((block) => paragraph('Body', block.parts));
  const photos = diff.photos.flatMap((photo) =>
    photo.change === 'same'
      ? []
      : [
          ...(photo.caption.some((part) => part.change !== 'same') ? [paragraph('Photo caption', photo.caption)] : []),
          ...(photo.credit.some((part) => part.change !== 'same') ? [paragraph('Photo credit', photo.credit)] : []),
        ],
  );
  const all = [...fields, ...body, ...photos];
  return all.length > 0 ? all.join('') : '<p>No change to the words readers read.</p>';
}

function paragraph(label: string, parts: readonly DiffPart[]): string {
  const marked = parts
    .map(({ text, change }) => {
      if (change === 'same') return htmlText(text);
      // The spacing before a changed word stays outside its mark, as the page shows it.
      const spacing = /^\s*/u.exec(text)![0];
      const words = htmlText(text.slice(spacing.length));
      return change === 'added' ? `${spacing}<ins>[inserted: ${words}]</ins>` : `${spacing}<del>[deleted: ${words}]</del>`;
    })
    .join('');
  return `<p><strong>${htmlText(label)}:</strong> ${marked}</p>`;
}
