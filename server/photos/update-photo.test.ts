import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { photos } from '@/db/schema';
import type { PhotoView } from '@/lib/photos/photo-view';
import type { SessionUser } from '@/lib/session-user';
import { parseInput } from '@/lib/validation/parse-input';
import { UpdatePhotoInput } from '@/lib/validation/photo';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser } from '@/tests/factories';
import { exiftool, fixtureFolder, uploadDistinctPhoto, uploadOf, writeJpeg } from '@/tests/photos-fixtures';
import { currentPublicVersion } from '@/server/public/public-version';
import { getPhoto } from './queries';
import { updatePhoto } from './update-photo';
import { uploadPhoto } from './upload-photo';

const NOW = new Date('2026-03-02T09:30:00Z');
const folder = fixtureFolder();

let editor: SessionUser;
let copyEditor: SessionUser;

beforeAll(async () => {
  editor = await makeUser('editor', 'Ed Itor');
  copyEditor = await makeUser('copy_editor', 'Cora Copy');
});

/** The library fields of a photo as the form holds them, with the version it was loaded at. */
function formOf(photo: PhotoView): UpdatePhotoInput {
  const { caption, photographer, agency, copyrightNotice, altText, rightsUrl, version } = photo;
  return { caption, photographer, agency, copyrightNotice, altText, rightsUrl, version };
}

function rowOf(id: number) {
  return getDb().select().from(photos).where(eq(photos.id, id)).get();
}

describe('updatePhoto', () => {
  it('saves the library fields, moves the version and audits which fields changed', async () => {
    const { photo } = await uploadDistinctPhoto(editor);
    const fields = {
      caption: 'Boats at low tide, Whitby',
      photographer: 'Ana Lens',
      agency: 'Reuters',
      copyrightNotice: '© Reuters 2026',
      altText: 'Fishing boats resting on mud in a harbour',
      rightsUrl: 'https://example.org/rights/123',
    };

    const saved = updatePhoto(editor, photo.id, { ...fields, version: 1 }, NOW);

    expect(saved).toMatchObject({ ...fields, id: photo.id, version: 2, creditLine: '© Reuters / Ana Lens' });
    expect(getPhoto(editor, photo.id)).toMatchObject({ ...fields, version: 2 });
    expect(rowOf(photo.id)).toMatchObject({ updatedAt: NOW, rightsUrl: 'https://example.org/rights/123' });
    expect(auditEntries({ action: 'photo.update', targetId: photo.id })).toEqual([
      {
        actorId: editor.id,
        action: 'photo.update',
        targetType: 'photo',
        targetId: String(photo.id),
        details: { changed: ['caption', 'photographer', 'agency', 'copyrightNotice', 'altText', 'rightsUrl'] },
      },
    ]);

    const again = updatePhoto(copyEditor, photo.id, { ...formOf(saved), caption: 'Boats at low tide in Whitby' }, NOW);
    expect(again).toMatchObject({ caption: 'Boats at low tide in Whitby', photographer: 'Ana Lens', version: 3 });
    expect(auditEntries({ action: 'photo.update', targetId: photo.id }).at(-1)).toMatchObject({
      actorId: copyEditor.id,
      details: { changed: ['caption'] },
    });
  });

  it('retires cached public pages when a caption or credit changes, since live stories show them', async () => {
    const { photo } = await uploadDistinctPhoto(editor);
    const before = currentPublicVersion();
    const saved = updatePhoto(editor, photo.id, { ...formOf(photo), caption: 'A new caption' }, NOW);
    expect(currentPublicVersion()).toBe(before + 1);
    updatePhoto(editor, photo.id, formOf(saved), NOW);
    expect(currentPublicVersion()).toBe(before + 1);
  });

  it('stores an emptied rights URL as none and reads it back as empty', async () => {
    const { photo } = await uploadDistinctPhoto(editor);
    const withUrl = updatePhoto(editor, photo.id, { ...formOf(photo), rightsUrl: 'https://example.org/r' });
    const cleared = updatePhoto(editor, photo.id, { ...formOf(withUrl), rightsUrl: '' });
    expect(cleared.rightsUrl).toBe('');
    expect(rowOf(photo.id)?.rightsUrl).toBeNull();
  });

  it('refuses a stale version with CONFLICT and the current photo, saving nothing', async () => {
    const { photo } = await uploadDistinctPhoto(editor);
    // Both open version 1; the copy desk saves first.
    const theirs = updatePhoto(copyEditor, photo.id, { ...formOf(photo), caption: 'Desk caption' }, NOW);
    const before = { row: rowOf(photo.id), audit: auditEntries({ action: 'photo.update', targetId: photo.id }) };

    const error = appErrorFrom(() => updatePhoto(editor, photo.id, { ...formOf(photo), caption: 'My caption' }));

    expect(error.code).toBe('CONFLICT');
    expect(error.status).toBe(409);
    expect(error.details.current).toEqual(theirs);
    expect(error.details.current).toMatchObject({ caption: 'Desk caption', version: 2 });
    expect({ row: rowOf(photo.id), audit: auditEntries({ action: 'photo.update', targetId: photo.id }) }).toEqual(before);
  });

  it('refuses an unknown photo with NOT_FOUND', () => {
    const error = appErrorFrom(() =>
      updatePhoto(editor, 999_999, { caption: '', photographer: '', agency: '', copyrightNotice: '', altText: '', rightsUrl: '', version: 1 }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it('stops counting an edited field as prefilled from the file, keeping the untouched ones', async () => {
    const file = await writeJpeg(folder, 'prefilled.jpg', { width: 120, height: 80, colour: '#446688' });
    await exiftool(file, [
      '-XMP-dc:Description=Lifeboat launch',
      '-XMP-dc:Creator=Ana Lens',
      '-XMP-photoshop:Credit=RNLI',
      '-XMP-dc:Rights=© RNLI',
      '-XMP-photoshop:DateCreated=2025:11:05 14:00:00Z',
    ]);
    const { photo } = await uploadPhoto(editor, uploadOf(fs.readFileSync(file), 'prefilled.jpg'));
    expect(photo.prefilledFrom).toEqual({
      caption: 'XMP dc:description',
      photographer: 'XMP dc:creator',
      agency: 'XMP photoshop:Credit',
      copyrightNotice: 'XMP dc:rights',
      takenAt: 'XMP photoshop:DateCreated',
    });

    const saved = updatePhoto(editor, photo.id, { ...formOf(photo), caption: 'Lifeboat launch at Whitby' });

    expect(saved.prefilledFrom).toEqual({
      photographer: 'XMP dc:creator',
      agency: 'XMP photoshop:Credit',
      copyrightNotice: 'XMP dc:rights',
      takenAt: 'XMP photoshop:DateCreated',
    });
    // The metadata read from the file is kept as it was.
    expect(getPhoto(editor, photo.id).fileMetadata).toMatchObject({ photoshop: { Credit: 'RNLI' } });
  });

  it('refuses invalid input with a message for each field (INVALID)', () => {
    const error = appErrorFrom(() =>
      parseInput(UpdatePhotoInput, {
        caption: 'x'.repeat(2001),
        photographer: 'Ana Lens',
        agency: '',
        copyrightNotice: '',
        altText: '',
        rightsUrl: 'javascript:alert(1)',
        version: 1,
      }),
    );
    expect(error.code).toBe('INVALID');
    expect(error.details.fields).toEqual({
      caption: ['Caption must be at most 2000 characters'],
      rightsUrl: ['Rights URL must be a web address starting with http:// or https://'],
    });
  });

  it('trims what the form sends before saving it', async () => {
    const { photo } = await uploadDistinctPhoto(editor);
    const input = parseInput(UpdatePhotoInput, { ...formOf(photo), photographer: '  Ana Lens \n', rightsUrl: ' https://example.org/r ' });
    const saved = updatePhoto(editor, photo.id, input);
    expect(saved).toMatchObject({ photographer: 'Ana Lens', rightsUrl: 'https://example.org/r' });
  });

  it('stores HTML in a caption verbatim, as text', async () => {
    const { photo } = await uploadDistinctPhoto(editor);
    const caption = '<img src=x onerror="alert(1)"><script>alert(\'x\')</script> &amp; Sons';
    const saved = updatePhoto(editor, photo.id, parseInput(UpdatePhotoInput, { ...formOf(photo), caption }));
    expect(saved.caption).toBe(caption);
    expect(rowOf(photo.id)?.caption).toBe(caption);
  });
});
