import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, sqliteOf } from '@/db/client';
import { env } from '@/server/env';
import { fillArchive, type FillResult } from './synthetic-archive';

const STORIES = 200;
let result: FillResult;
const rows = <T>(query: string) => sqliteOf(getDb()).prepare(query).all() as T[];
const one = (query: string) => Object.values(sqliteOf(getDb()).prepare(query).get() as Record<string, number>)[0];

describe('the synthetic archive', () => {
  beforeAll(async () => {
    result = await fillArchive({ articles: STORIES, seed: 7, photos: 2 });
  }, 60_000);

  it('writes every story, each with its own address and its whole history', () => {
    expect(result.articles).toBe(STORIES);
    expect(one('SELECT count(*) FROM articles')).toBe(STORIES);
    expect(one("SELECT count(DISTINCT slug) FROM articles WHERE slug NOT LIKE 'draft-%'")).toBe(one('SELECT count(*) FROM articles WHERE first_published_at IS NOT NULL'));
    // create, save, submit at the least; a published story also has approve and publish.
    expect(one('SELECT min(n) FROM (SELECT count(*) AS n FROM revisions GROUP BY article_id)')).toBeGreaterThanOrEqual(3);
    expect(one('SELECT count(*) FROM audit_log')).toBeGreaterThan(STORIES * 3);
  });

  it('files stories in sections, with common and rare tags, crediting their writers, and indexes them for search', () => {
    expect(one('SELECT count(*) FROM articles WHERE section_id IS NOT NULL')).toBeGreaterThan(STORIES * 0.8);
    expect(one('SELECT count(*) FROM sections')).toBe(8);
    const tagUses = rows<{ n: number }>('SELECT count(*) AS n FROM article_tags GROUP BY tag_id ORDER BY n DESC');
    expect(tagUses.length).toBeGreaterThan(20);
    expect(tagUses[0]!.n).toBeGreaterThan(tagUses.at(-1)!.n * 5);
    expect(one('SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id)')).toBe(0);
    expect(one('SELECT count(*) FROM article_search')).toBe(STORIES);
  });

  it('gives the connection back with the pragmas every connection has', () => {
    const sqlite = sqliteOf(getDb());
    expect([sqlite.pragma('synchronous', { simple: true }), sqlite.pragma('temp_store', { simple: true })]).toEqual([2, 0]);
  });

  it('spreads first publication over ten years, none in the future', () => {
    const [span] = rows<{ oldest: number; newest: number }>(
      'SELECT min(first_published_at) AS oldest, max(first_published_at) AS newest FROM articles WHERE first_published_at IS NOT NULL',
    );
    const year = 365.25 * 24 * 60 * 60 * 1000;
    expect(Date.now() - span!.oldest).toBeGreaterThan(3 * year);
    expect(Date.now() - span!.oldest).toBeLessThanOrEqual(10 * year);
    expect(span!.newest).toBeLessThan(Date.now());
  });

  it('has the mix of a working newsroom: updates, corrections, minor fixes, withdrawals and stories still with the desk', () => {
    const kinds = Object.fromEntries(rows<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM revisions GROUP BY kind').map((row) => [row.kind, row.n]));
    expect(kinds.update).toBeGreaterThan(STORIES * 0.08);
    expect(kinds.correction).toBeGreaterThan(STORIES * 0.02);
    expect(kinds.minor_fix).toBeGreaterThan(0);
    expect(one('SELECT count(*) FROM revisions WHERE kind = \'correction\' AND public_note IS NULL')).toBe(0);
    expect(one('SELECT count(*) FROM articles WHERE withdrawn_at IS NOT NULL')).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM articles WHERE status IN ('in_review', 'approved')")).toBeGreaterThan(0);
  });

  it('stores bodies of 400 to 1,500 words and reuses real photos, with their renditions on disk', () => {
    const words = rows<{ text: string }>("SELECT body_text AS text FROM revisions WHERE kind = 'publish' LIMIT 50").map(
      (row) => row.text.split(/\s+/).filter(Boolean).length,
    );
    expect(Math.min(...words)).toBeGreaterThanOrEqual(400);
    expect(Math.max(...words)).toBeLessThanOrEqual(1_600);
    expect(one('SELECT count(*) FROM photos')).toBe(2);
    expect(one('SELECT count(DISTINCT lead_photo_id) FROM revisions WHERE lead_photo_id IS NOT NULL')).toBe(2);
    const keys = rows<{ key: string }>('SELECT storage_key AS key FROM photos');
    for (const { key } of keys) expect(fs.readdirSync(path.join(env().dataDir, 'photos', key)).length).toBeGreaterThan(1);
  });
});
