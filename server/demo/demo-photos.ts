import 'server-only';
import sharp from 'sharp';
import type { PhotoView } from '@/lib/photos/photo-view';
import type { SessionUser } from '@/lib/session-user';
import { uploadPhoto } from '@/server/photos/upload-photo';

/** A demo picture: what an agency would embed in it, and the colours of its painted scene. */
type DemoPicture = {
  fileName: string;
  caption: string;
  photographer: string;
  agency: string;
  altText: string;
  sky: [string, string];
  ground: string;
};

export const DEMO_PICTURES = {
  bank: {
    fileName: 'ecb-tower.jpg',
    caption: 'The central bank’s tower in Frankfurt on the morning of the rate decision.',
    photographer: 'Lena Vogt',
    agency: 'Dateline',
    altText: 'A glass office tower against a pale morning sky',
    sky: ['#9ec5e8', '#f3e1c7'],
    ground: '#3d4a57',
  },
  traders: {
    fileName: 'trading-floor.jpg',
    caption: 'Traders watch the announcement on screens in Frankfurt.',
    photographer: 'Jonas Weber',
    agency: 'Dateline',
    altText: 'Rows of screens on a trading floor',
    sky: ['#2b3a4a', '#55708c'],
    ground: '#1d2329',
  },
  port: {
    fileName: 'odesa-port.jpg',
    caption: 'A bulk carrier leaves the port of Odesa at dawn.',
    photographer: 'Олена Коваленко',
    agency: 'Dateline',
    altText: 'A cargo ship on calm water under an orange dawn sky',
    sky: ['#f4a261', '#e9c46a'],
    ground: '#264653',
  },
} satisfies Record<string, DemoPicture>;

function xmpPacket(picture: DemoPicture): string {
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${picture.caption}</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>${picture.photographer}</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© ${picture.agency}</rdf:li></rdf:Alt></dc:rights>
<photoshop:Credit>${picture.agency}</photoshop:Credit>
<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">${picture.altText}</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
}

/** A painted 2400 × 1600 scene (sky, sun, ground) carrying its metadata in XMP, as an agency JPEG would. */
async function paint(picture: DemoPicture): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${picture.sky[0]}"/><stop offset="1" stop-color="${picture.sky[1]}"/></linearGradient></defs>
  <rect width="2400" height="1600" fill="url(#sky)"/>
  <circle cx="1750" cy="520" r="170" fill="#fff6d5" opacity="0.85"/>
  <path d="M0 1150 L520 980 L900 1080 L1400 900 L1900 1040 L2400 950 L2400 1600 L0 1600 Z" fill="${picture.ground}"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withXmp(xmpPacket(picture)).toBuffer();
}

/** Uploads the demo pictures through the same path a person's upload takes, so they are prefilled from their XMP. */
export async function uploadDemoPhotos(uploader: SessionUser): Promise<Record<keyof typeof DEMO_PICTURES, PhotoView>> {
  const entries = await Promise.all(
    Object.entries(DEMO_PICTURES).map(async ([key, picture]) => {
      const bytes = await paint(picture);
      const { photo } = await uploadPhoto(uploader, { body: new Blob([new Uint8Array(bytes)]).stream(), fileName: picture.fileName });
      return [key, photo] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof DEMO_PICTURES, PhotoView>;
}
