import { describe, expect, it } from 'vitest';
import { readSharedNotice } from './shared-notice';

describe('readSharedNotice', () => {
  it('reads the two notices the server sends', () => {
    expect(readSharedNotice('{"kind":"article-changed"}')).toEqual({ kind: 'article-changed' });
    const notSaved = { kind: 'not-saved', problem: 'Some fields need attention.', fields: { headline: ['Headline must be at most 300 characters'] } };
    expect(readSharedNotice(JSON.stringify(notSaved))).toEqual(notSaved);
  });

  it('ignores anything else: not JSON, another kind, or the wrong shape', () => {
    for (const payload of ['not json', '42', 'null', '{"kind":"evil"}', '{"kind":"not-saved","problem":1,"fields":{}}', '{"kind":"not-saved","problem":"x","fields":{"a":[1]}}']) {
      expect(readSharedNotice(payload)).toBeNull();
    }
  });
});
