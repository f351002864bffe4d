/** Wire copy for tests: IPTC's own examples from the standards folder, and items written to order. */
import fs from 'node:fs';
import path from 'node:path';

const STANDARDS = path.join(__dirname, '../../shared/standards');
export const NEWSML_EXAMPLES = path.join(STANDARDS, 'newsml-g2/examples');
export const NINJS_EXAMPLES = path.join(STANDARDS, 'ninjs/examples');
export const IPTC_REFERENCE_PHOTO = path.join(STANDARDS, 'iptc-photo/IPTC-PhotometadataRef-Std2023.2.jpg');

export function newsmlExample(name: string): string {
  return fs.readFileSync(path.join(NEWSML_EXAMPLES, name), 'utf8');
}

export function ninjsExample(name: string): string {
  return fs.readFileSync(path.join(NINJS_EXAMPLES, name), 'utf8');
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type TextItemSpec = {
  guid: string;
  version?: number;
  headline: string;
  paragraphs?: string[];
  /** Raw XHTML for the body, instead of paragraphs. */
  bodyXhtml?: string;
  pubStatus?: 'usable' | 'withheld' | 'canceled';
  embargoed?: string;
  signal?: 'update' | 'correction';
  located?: string;
};

/** A NewsML-G2 text item with an inline XHTML body, the way an agency files one. */
export function newsmlTextItem(spec: TextItemSpec): string {
  const body = spec.bodyXhtml ?? (spec.paragraphs ?? [`${spec.headline}, the story.`]).map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${escape(spec.guid)}" version="${spec.version ?? 1}" standard="NewsML-G2" standardversion="2.35" xml:lang="en">
  <rightsInfo>
    <copyrightHolder><name>Harbour Wire Ltd</name></copyrightHolder>
    <copyrightNotice>Copyright 2026 Harbour Wire Ltd</copyrightNotice>
    <usageTerms>Not for use in the harbour's own newsletter</usageTerms>
  </rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:HWIRE"><name>Harbour Wire</name></provider>
    <versionCreated>2026-12-05T08:00:00Z</versionCreated>
    ${spec.embargoed ? `<embargoed>${spec.embargoed}</embargoed>` : ''}
    <pubStatus qcode="stat:${spec.pubStatus ?? 'usable'}"/>
    ${spec.signal ? `<signal qcode="sig:${spec.signal}"/>` : ''}
  </itemMeta>
  <contentMeta>
    <located qcode="city:Lisbon"><name>${escape(spec.located ?? 'Lisbon')}</name></located>
    <creator><name>Rita Quay</name></creator>
    <subject qcode="medtop:04000000"><name>economy, business and finance</name></subject>
    <subject qcode="medtop:20000349"><name>ports</name></subject>
    <slugline>PORT-${escape(spec.guid.slice(-6))}</slugline>
    <headline>${escape(spec.headline)}</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>${escape(spec.headline)}</title></head><body>
${body}
      </body></html>
    </inlineXML>
  </contentSet>
</newsItem>
`;
}

/** A NewsML-G2 package grouping a text item and a picture whose file sits beside the package. */
export function newsmlPackage(spec: { guid: string; textGuid: string; photoHref: string; caption: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${escape(spec.guid)}" version="1" standard="NewsML-G2" standardversion="2.35">
  <rightsInfo>
    <copyrightNotice>Copyright 2026 Harbour Wire Ltd</copyrightNotice>
    <usageTerms>Editorial use only</usageTerms>
  </rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:composite"/>
    <provider qcode="nprov:HWIRE"><name>Harbour Wire</name></provider>
    <versionCreated>2026-12-05T08:00:00Z</versionCreated>
    <pubStatus qcode="stat:usable"/>
  </itemMeta>
  <contentMeta><headline>Harbour package</headline></contentMeta>
  <groupSet root="G1">
    <group id="G1" role="group:main">
      <itemRef residref="${escape(spec.textGuid)}" contenttype="application/vnd.iptc.g2.newsitem+xml">
        <itemClass qcode="ninat:text"/>
        <title>The story</title>
      </itemRef>
      <itemRef residref="${escape(spec.guid)}-photo" href="${escape(spec.photoHref)}" contenttype="image/jpeg">
        <itemClass qcode="ninat:picture"/>
        <title>The picture</title>
        <description role="drol:caption">${escape(spec.caption)}</description>
        <creator><name>Ana Lens</name></creator>
        <creditline>Harbour Wire</creditline>
      </itemRef>
    </group>
  </groupSet>
</packageItem>
`;
}
