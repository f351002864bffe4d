import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PhotoView } from '@/lib/photos/photo-view';
import { PhotoGrid } from './photo-grid';

const photo = (id: number, fields: Partial<PhotoView> = {}): PhotoView => ({
  id,
  sha256: 'a'.repeat(64),
  originalName: `photo-${id}.jpg`,
  mime: 'image/jpeg',
  sizeBytes: 1000,
  width: 2000,
  height: 1000,
  caption: '',
  photographer: '',
  agency: '',
  copyrightNotice: '',
  altText: '',
  rightsUrl: '',
  usageTerms: '',
  takenAt: null,
  creditLine: '',
  prefilledFrom: {},
  uploadedByName: 'Rita Reporter',
  createdAt: '2025-01-01T00:00:00.000Z',
  version: 1,
  ...fields,
});

const render = (photos: PhotoView[], selectedId: number | null = null) =>
  renderToStaticMarkup(<PhotoGrid photos={photos} selectedId={selectedId} onSelect={() => undefined} />);

describe('PhotoGrid', () => {
  it('shows the 320 px thumbnail at its own size, the credit line and the caption', () => {
    const html = render([photo(1, { caption: 'Council chamber', agency: 'AFP', creditLine: '© AFP', altText: 'Councillors voting' })]);
    expect(html).toContain(`src="/media/photos/${'a'.repeat(64)}/320.webp" width="320" height="160" alt="Councillors voting"`);
    expect(html).toContain('<span class="photo-card__credit">© AFP</span>');
    expect(html).toContain('>Council chamber</span>');
    expect(html).not.toContain('Missing credit');
  });

  it('warns about a missing credit and falls back to the caption, then the file name, for alt text', () => {
    const html = render([photo(1, { caption: 'Flood in the valley' }), photo(2)]);
    expect(html.match(/Missing credit/g)).toHaveLength(2);
    expect(html).toContain('alt="Flood in the valley"');
    expect(html).toContain('aria-hidden="true">Flood in the valley</span>');
    expect(html).toContain('alt="Photo “photo-2.jpg”"');
  });

  it('marks only the selected photo as pressed', () => {
    const html = render([photo(1), photo(2)], 2);
    expect(html.match(/aria-pressed="(true|false)"/g)).toEqual(['aria-pressed="false"', 'aria-pressed="true"']);
  });

  it('renders what people typed as text, never as markup', () => {
    const html = render([photo(1, { caption: '<img src=x onerror=alert(1)>' })]);
    expect(html).not.toContain('<img src=x');
  });
});
