import fs from 'node:fs';
import sharp from 'sharp';

/**
 * A camera-like JPEG for the upload benchmark. A flat colour compresses to almost nothing and
 * decodes for free, so the picture is a lit scene (gradient sky, shapes) with soft mottled texture
 * and fine grain, saved as a camera would: baseline JPEG, quality 90, 4:2:0, EXIF and XMP with the
 * caption and credit fields the library prefills from.
 */
export async function cameraJpeg(width: number, height: number): Promise<Buffer> {
  const shapes = Array.from({ length: 24 }, (_, i) => {
    const x = ((i * 7919) % 97) / 97;
    const y = ((i * 104729) % 89) / 89;
    const r = 0.03 + (((i * 31) % 17) / 17) * 0.12;
    const hue = (i * 47) % 360;
    return i % 3 === 0
      ? `<rect x="${x * width}" y="${y * height}" width="${r * width * 1.6}" height="${r * height * 2.2}" fill="hsl(${hue},45%,42%)" opacity="0.8"/>`
      : `<circle cx="${x * width}" cy="${y * height}" r="${r * width}" fill="hsl(${hue},55%,55%)" opacity="0.7"/>`;
  }).join('');
  const scene = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="sky" x1="0" y1="0" x2="0.3" y2="1">
        <stop offset="0" stop-color="#4a78b5"/><stop offset="0.55" stop-color="#d9c9a3"/><stop offset="1" stop-color="#3d4a2a"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#sky)"/>${shapes}
    </svg>`,
  );
  const noise = (w: number, h: number, sigma: number) =>
    sharp({ create: { width: w, height: h, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } });
  // Coarse noise blown up is foliage-, gravel- and fabric-like texture; fine noise is sensor grain.
  const [texture, grain] = await Promise.all([
    noise(Math.round(width / 6), Math.round(height / 6), 70)
      .resize(width, height, { kernel: 'cubic' })
      .greyscale()
      .toColourspace('srgb')
      .png({ compressionLevel: 1 })
      .toBuffer(),
    noise(width, height, 14).greyscale().toColourspace('srgb').png({ compressionLevel: 1 }).toBuffer(),
  ]);
  return sharp(scene)
    .composite([
      { input: texture, blend: 'overlay' },
      { input: grain, blend: 'soft-light' },
    ])
    .withExif({
      IFD0: { Make: 'Bench', Model: 'Camera 12', Artist: 'Ada Bench', Copyright: '© Dateline Bench', ImageDescription: 'A bench photo' },
    })
    .withXmp(XMP)
    .jpeg({ quality: 90, chromaSubsampling: '4:2:0' })
    .toBuffer();
}

const XMP = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Crowds gather outside the council building before the budget vote.</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>Ada Bench</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2026 Dateline Bench Agency</rdf:li></rdf:Alt></dc:rights>
   <photoshop:Credit>Dateline Bench Agency</photoshop:Credit>
   <photoshop:DateCreated>2026-11-24T18:02:11+00:00</photoshop:DateCreated>
   <xmpRights:WebStatement>https://example.com/licence</xmpRights:WebStatement>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;

/**
 * A copy of a JPEG whose bytes differ from every other copy: a comment segment (COM) saying
 * `label` goes in after the APPn segments (EXIF, XMP), where a camera or editor would put one.
 * The library keys photos by the hash of their bytes, so identical copies would be duplicates.
 */
export function writeDistinctCopy(jpeg: Buffer, label: string, file: string): void {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let at = 2;
  // APP0–APP15 (0xE0–0xEF) and COM (0xFE) segments: marker, then a two-byte length that counts itself.
  while (jpeg[at] === 0xff && ((jpeg[at + 1]! >= 0xe0 && jpeg[at + 1]! <= 0xef) || jpeg[at + 1] === 0xfe)) {
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  const text = Buffer.from(label, 'latin1');
  const comment = Buffer.alloc(4 + text.length);
  comment.writeUInt16BE(0xfffe, 0);
  comment.writeUInt16BE(2 + text.length, 2);
  text.copy(comment, 4);
  fs.writeFileSync(file, Buffer.concat([jpeg.subarray(0, at), comment, jpeg.subarray(at)]));
}
