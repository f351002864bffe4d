/**
 * The sitemaps.org XML Schemas, from the standards folder beside the repository, checked with
 * Debian's xmllint (libxml2-utils; .ci/run installs it): the schemas are XSD, which no npm package
 * here reads.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const STANDARDS = path.join(__dirname, '../../shared/standards/sitemaps');
export const SITEMAP_XSD = path.join(STANDARDS, 'sitemap.xsd');
export const SITEINDEX_XSD = path.join(STANDARDS, 'siteindex.xsd');

/** xmllint's complaints about an XML file against a schema; empty when the file validates. */
export function schemaProblems(file: string, schema: string): string[] {
  const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status === 0) return [];
  return result.stderr.split('\n').filter((line) => line !== '');
}

const NEWS_ELEMENT_UNDECLARED = /Element '\{http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9\}news': No matching global element declaration available, but demanded by the strict wildcard\.$/;

/**
 * A Google News sitemap against sitemaps.org's schema. That schema demands a schema for every
 * element of another namespace (a strict wildcard), and Google's news schema is not among the
 * standards here: that one complaint about `news:news` is set aside, everything else must validate.
 */
export function newsSitemapProblems(file: string): string[] {
  return schemaProblems(file, SITEMAP_XSD).filter((line) => !NEWS_ELEMENT_UNDECLARED.test(line) && line !== `${file} fails to validate`);
}
