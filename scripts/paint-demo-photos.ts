/**
 * Paints the demo newsroom's photos and tags them the way an agency tags its pictures (IPTC IIM and
 * XMP, written by exiftool), into server/demo/photos/. Run once by hand when a picture changes:
 *
 *   bin/dateline npx tsx scripts/paint-demo-photos.ts
 *
 * The JPEGs are committed, so a newcomer's `npm start` needs neither this script nor exiftool; the
 * seed uploads them through the photo pipeline, which reads their captions and credits back.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

const WIDTH = 1600;
const HEIGHT = 1067;
const OUT = path.join(process.cwd(), 'server', 'demo', 'photos');

/** What the agency writes into the file, as its photo desk would. */
type Tags = {
  caption: string;
  photographer: string;
  agency: string;
  altText: string;
  /** `YYYY:MM:DD HH:MM:SS+HH:MM`, exiftool's form. */
  takenAt: string;
  city: string;
  country: string;
};

type Picture = { fileName: string; tags: Tags; scene: (random: () => number) => string };

/** A repeatable stream of numbers, so a repaint gives the same picture. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

const sky = (stops: [number, string][]) =>
  `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">${stops.map(([at, colour]) => `<stop offset="${at}" stop-color="${colour}"/>`).join('')}</linearGradient>`;

/** Soft cloud or haze from fractal noise, tinted white. */
const cloudFilter = (id: string, frequency: string, seed: number, strength: number) =>
  `<filter id="${id}" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="${frequency}" numOctaves="5" seed="${seed}"/><feColorMatrix type="matrix" values="0 0 0 0 1  0 0 0 0 1  0 0 0 0 1  0 0 0 ${strength} ${-strength / 2.4}"/></filter>`;

/** Trodden snow: grey-blue streaks from stretched noise. */
const snowFilter = `<filter id="snow" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.004 0.05" numOctaves="4" seed="11"/><feColorMatrix type="matrix" values="0 0 0 0 0.55  0 0 0 0 0.6  0 0 0 0 0.7  0 0 0 0.9 -0.2"/></filter>`;

/** A bare winter tree line along `y`: trunks and crowns of uneven height. */
function treeLine(random: () => number, y: number, colour: string, height: number): string {
  const crowns = range(90).map((index) => {
    const x = index * (WIDTH / 88) + random() * 12;
    const h = height * (0.55 + random() * 0.6);
    return `<ellipse cx="${x.toFixed(0)}" cy="${(y - h / 2).toFixed(0)}" rx="${(10 + random() * 14).toFixed(0)}" ry="${(h / 2).toFixed(0)}"/>`;
  });
  return `<g fill="${colour}" opacity="0.9" filter="url(#blur2)">${crowns.join('')}<rect x="0" y="${y - 6}" width="${WIDTH}" height="14"/></g>`;
}

/** An armoured vehicle on a flatcar, in side view, facing left. */
function armouredVehicleOnFlatcar(x: number, y: number, random: () => number): string {
  const body = '#2d3128';
  const lit = '#3f4537';
  const wheels = range(6)
    .map((index) => `<circle cx="${x + 30 + index * 36}" cy="${y - 22}" r="15" fill="#1b1d19" stroke="#3a3d35" stroke-width="3"/>`)
    .join('');
  const turretX = x + 70 + random() * 20;
  return `<g>
    <rect x="${x - 20}" y="${y}" width="270" height="16" fill="#3b2f29"/>
    <rect x="${x - 20}" y="${y + 16}" width="270" height="8" fill="#1c1816"/>
    <circle cx="${x + 20}" cy="${y + 32}" r="11" fill="#161412"/><circle cx="${x + 50}" cy="${y + 32}" r="11" fill="#161412"/>
    <circle cx="${x + 180}" cy="${y + 32}" r="11" fill="#161412"/><circle cx="${x + 210}" cy="${y + 32}" r="11" fill="#161412"/>
    <path d="M${x} ${y - 8} L${x + 12} ${y - 40} L${x + 225} ${y - 40} L${x + 232} ${y - 8} Z" fill="${body}"/>
    ${wheels}
    <path d="M${x + 8} ${y - 40} L${x + 20} ${y - 66} L${x + 222} ${y - 66} L${x + 228} ${y - 40} Z" fill="${lit}"/>
    <path d="M${turretX} ${y - 66} Q${turretX + 8} ${y - 96} ${turretX + 60} ${y - 98} Q${turretX + 108} ${y - 96} ${turretX + 112} ${y - 66} Z" fill="${body}"/>
    <rect x="${turretX - 150}" y="${y - 88}" width="160" height="8" rx="3" fill="${body}"/>
    <rect x="${turretX + 40}" y="${y - 112}" width="26" height="14" fill="${body}"/>
    <path d="M${x + 20} ${y - 66} L${x + 222} ${y - 66}" stroke="#e6e9ee" stroke-width="4" opacity="0.7"/>
  </g>`;
}

const PICTURES: Picture[] = [
  {
    fileName: 'armour-on-flatcars.jpg',
    tags: {
      caption: 'Armoured vehicles wait on railway flatcars to leave for their home base after the drills, 15 February 2022.',
      photographer: 'Ольга Смирнова',
      agency: 'Dateline',
      altText: 'A line of tanks on railway flatcars in a snowy field at dusk',
      takenAt: '2022:02:15 11:40:00+03:00',
      city: 'Belgorod',
      country: 'Russia',
    },
    scene: (random) => `
      <defs>${sky([[0, '#47536b'], [0.45, '#8d8a96'], [0.8, '#d7b49c'], [1, '#e9cfb5']])}${cloudFilter('clouds', '0.0016 0.006', 4, 1.3)}${snowFilter}
        <filter id="blur2"><feGaussianBlur stdDeviation="2"/></filter><filter id="blur1"><feGaussianBlur stdDeviation="0.8"/></filter></defs>
      <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
      <rect width="${WIDTH}" height="${HEIGHT * 0.62}" filter="url(#clouds)" opacity="0.55"/>
      ${treeLine(random, 560, '#4a4f57', 90)}
      <rect y="560" width="${WIDTH}" height="${HEIGHT - 560}" fill="#cfd5de"/>
      <rect y="560" width="${WIDTH}" height="${HEIGHT - 560}" filter="url(#snow)" opacity="0.7"/>
      ${range(14).map((index) => `<rect x="${index * 124 + 30}" y="330" width="7" height="300" fill="#2a2c30"/><rect x="${index * 124 + 10}" y="336" width="48" height="5" fill="#2a2c30"/>`).join('')}
      <path d="M0 352 L${WIDTH} 352" stroke="#2a2c30" stroke-width="2"/>
      <path d="M0 690 L${WIDTH} 690" stroke="#6f655f" stroke-width="26"/>
      <g filter="url(#blur1)">${range(6).map((index) => armouredVehicleOnFlatcar(index * 280 - 40, 650, random)).join('')}</g>
      <path d="M0 706 L${WIDTH} 706" stroke="#3d3631" stroke-width="6"/>
      <path d="M0 760 Q400 740 800 770 T${WIDTH} 760 L${WIDTH} ${HEIGHT} L0 ${HEIGHT} Z" fill="#dfe4ea" opacity="0.85"/>
      <rect y="760" width="${WIDTH}" height="${HEIGHT - 760}" filter="url(#snow)" opacity="0.5"/>`,
  },
  {
    fileName: 'kremlin-wall-snow.jpg',
    tags: {
      caption: 'Snow falls on the Kremlin wall in Moscow on the evening of the defence ministry’s announcement, 15 February 2022.',
      photographer: 'Дмитрий Волков',
      agency: 'Dateline',
      altText: 'A red brick fortress wall and a tower with a green spire in falling snow, golden church domes behind',
      takenAt: '2022:02:15 17:55:00+03:00',
      city: 'Moscow',
      country: 'Russia',
    },
    scene: (random) => {
      const merlons = range(60)
        .map((index) => {
          const x = index * 28;
          return `<path d="M${x} 560 L${x} 530 L${x + 6} 540 L${x + 12} 530 L${x + 12} 560 Z"/>`;
        })
        .join('');
      const flakes = range(700)
        .map(() => `<circle cx="${(random() * WIDTH).toFixed(0)}" cy="${(random() * HEIGHT).toFixed(0)}" r="${(0.8 + random() * 2.6).toFixed(1)}"/>`)
        .join('');
      const dome = (x: number, y: number, size: number) =>
        `<rect x="${x - size * 0.45}" y="${y}" width="${size * 0.9}" height="${size * 1.6}" fill="#e8e0cf"/>
         <path d="M${x - size * 0.55} ${y} Q${x - size * 0.6} ${y - size * 0.8} ${x} ${y - size * 1.3} Q${x + size * 0.6} ${y - size * 0.8} ${x + size * 0.55} ${y} Z" fill="url(#gold)"/>
         <path d="M${x} ${y - size * 1.3} L${x} ${y - size * 1.9} M${x - size * 0.18} ${y - size * 1.68} L${x + size * 0.18} ${y - size * 1.68}" stroke="#d9b45a" stroke-width="4"/>`;
      return `
      <defs>${sky([[0, '#1c2538'], [0.6, '#3a4766'], [1, '#6d6f86']])}${cloudFilter('clouds', '0.002 0.005', 9, 1.1)}
        <linearGradient id="gold" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#8a6a22"/><stop offset="0.4" stop-color="#f1cf6e"/><stop offset="1" stop-color="#7a5c1c"/></linearGradient>
        <linearGradient id="brick" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9b3b2c"/><stop offset="1" stop-color="#5e231b"/></linearGradient>
        <filter id="brickTexture" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.02 0.35" numOctaves="2" seed="5"/><feColorMatrix type="matrix" values="0 0 0 0 0.3  0 0 0 0 0.1  0 0 0 0 0.08  0 0 0 0.8 -0.25"/></filter>
        <radialGradient id="lamp" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#ffd58a" stop-opacity="0.8"/><stop offset="1" stop-color="#ffd58a" stop-opacity="0"/></radialGradient>
        <filter id="blur2"><feGaussianBlur stdDeviation="2"/></filter></defs>
      <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
      <rect width="${WIDTH}" height="${HEIGHT * 0.7}" filter="url(#clouds)" opacity="0.35"/>
      <g filter="url(#blur2)"><rect x="820" y="440" width="470" height="130" fill="#d8ccb4"/><path d="M820 440 L1055 400 L1290 440 Z" fill="#b9ad96"/>${dome(980, 330, 70)}${dome(1110, 370, 48)}${dome(870, 390, 44)}${dome(1230, 420, 36)}</g>
      <g fill="url(#brick)">${merlons}<rect y="560" width="${WIDTH}" height="300"/></g>
      <rect y="560" width="${WIDTH}" height="300" filter="url(#brickTexture)"/>
      <path d="M0 560 L${WIDTH} 560" stroke="#f2f4f8" stroke-width="6" opacity="0.8"/>
      <g><rect x="300" y="250" width="170" height="610" fill="url(#brick)"/><rect x="300" y="250" width="170" height="610" filter="url(#brickTexture)"/>
        <rect x="285" y="240" width="200" height="24" fill="#7e2f24"/>
        <path d="M300 240 L385 40 L470 240 Z" fill="#2f5b48"/><path d="M385 40 L470 240 L430 240 Z" fill="#244537"/>
        <path d="M385 40 L385 0" stroke="#8a6a22" stroke-width="5"/><path d="M385 -6 l8 18 l-20 -11 h24 l-20 11 z" fill="#c4423a"/>
        <rect x="365" y="330" width="40" height="70" rx="20" fill="#2a1512"/><circle cx="385" cy="520" r="46" fill="#f4efe2"/><circle cx="385" cy="520" r="40" fill="none" stroke="#222" stroke-width="3"/>
        <path d="M385 520 L385 492 M385 520 L404 528" stroke="#222" stroke-width="4"/></g>
      <rect y="860" width="${WIDTH}" height="${HEIGHT - 860}" fill="#c7cbd6"/>
      ${range(5).map((index) => `<rect x="${140 + index * 330}" y="720" width="8" height="160" fill="#1d1f26"/><circle cx="${144 + index * 330}" cy="712" r="60" fill="url(#lamp)"/><circle cx="${144 + index * 330}" cy="712" r="9" fill="#fff1cc"/>`).join('')}
      <g fill="#ffffff" opacity="0.85">${flakes}</g>`;
    },
  },
  {
    fileName: 'ecb-tower.jpg',
    tags: {
      caption: 'The central bank’s tower in Frankfurt on the morning of the rate decision.',
      photographer: 'Lena Vogt',
      agency: 'Dateline',
      altText: 'A glass office tower against a pale morning sky',
      takenAt: '2026:03:05 08:10:00+01:00',
      city: 'Frankfurt am Main',
      country: 'Germany',
    },
    scene: (random) => {
      const panes = range(26 * 9)
        .map((index) => {
          const column = index % 9;
          const row = Math.floor(index / 9);
          const shade = 150 + Math.round(random() * 60) + column * 4;
          return `<rect x="${612 + column * 40}" y="${130 + row * 34}" width="36" height="30" fill="rgb(${shade - 40},${shade - 10},${shade + 30})"/>`;
        })
        .join('');
      return `
      <defs>${sky([[0, '#8fb6dd'], [0.7, '#d9e3ec'], [1, '#f3e1c7']])}${cloudFilter('clouds', '0.0015 0.004', 2, 1.2)}
        <linearGradient id="glare" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0.45"/><stop offset="0.5" stop-color="#ffffff" stop-opacity="0"/></linearGradient>
        <filter id="blur2"><feGaussianBlur stdDeviation="2"/></filter></defs>
      <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
      <rect width="${WIDTH}" height="${HEIGHT * 0.6}" filter="url(#clouds)" opacity="0.6"/>
      <g filter="url(#blur2)" fill="#7d8794">${range(12).map((index) => `<rect x="${index * 140 - 20}" y="${700 - random() * 160}" width="${110 + random() * 40}" height="500"/>`).join('')}</g>
      <path d="M600 1067 L600 120 L980 90 L980 1067 Z" fill="#3b4a5a"/>${panes}
      <path d="M600 120 L980 90 L980 1067 L600 1067 Z" fill="url(#glare)"/>
      <path d="M980 90 L1060 140 L1060 1067 L980 1067 Z" fill="#27323e"/>
      <g fill="#4a5460">${range(9).map((index) => `<rect x="${index * 190 - 40}" y="${860 + random() * 60}" width="170" height="300"/>`).join('')}</g>
      <g fill="#2c343c">${range(40).map((index) => `<rect x="${index * 42}" y="${900 + random() * 40}" width="2" height="200"/>`).join('')}</g>`;
    },
  },
  {
    fileName: 'trading-floor.jpg',
    tags: {
      caption: 'Traders watch the announcement on screens in Frankfurt.',
      photographer: 'Jonas Weber',
      agency: 'Dateline',
      altText: 'Rows of screens on a trading floor',
      takenAt: '2026:03:05 13:45:00+01:00',
      city: 'Frankfurt am Main',
      country: 'Germany',
    },
    scene: (random) => {
      const screen = (x: number, y: number, w: number, h: number) => {
        const points = range(14).map((index) => `${(x + 8 + (index * (w - 16)) / 13).toFixed(0)},${(y + h * 0.3 + random() * h * 0.5).toFixed(0)}`);
        const up = random() > 0.4;
        return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="#0b1a2b" stroke="#30404f" stroke-width="4"/>
          <polyline points="${points.join(' ')}" fill="none" stroke="${up ? '#46d17c' : '#e2564b'}" stroke-width="3"/>
          ${range(4).map((row) => `<rect x="${x + 10}" y="${y + 10 + row * 9}" width="${(w * (0.2 + random() * 0.4)).toFixed(0)}" height="4" fill="#7aa4c9" opacity="0.6"/>`).join('')}`;
      };
      return `
      <defs><radialGradient id="room" cx="0.5" cy="0.3" r="0.9"><stop offset="0" stop-color="#2e3f55"/><stop offset="1" stop-color="#0d1218"/></radialGradient>
        <filter id="blur3"><feGaussianBlur stdDeviation="3"/></filter><filter id="blur1"><feGaussianBlur stdDeviation="1"/></filter></defs>
      <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#room)"/>
      <g filter="url(#blur3)" opacity="0.8">${range(14).map((index) => screen(index * 118, 250, 104, 70)).join('')}</g>
      <g filter="url(#blur1)">${range(8).map((index) => screen(index * 205 - 10, 420, 190, 120)).join('')}</g>
      ${range(5).map((index) => screen(index * 340 - 30, 640, 310, 190)).join('')}
      <g fill="#07090c">${range(6).map((index) => `<ellipse cx="${index * 300 + 90 + random() * 60}" cy="${930}" rx="70" ry="86"/><path d="M${index * 300 + random() * 60 - 40} 1067 Q${index * 300 + 90} 960 ${index * 300 + 230} 1067 Z"/>`).join('')}</g>
      <rect y="880" width="${WIDTH}" height="30" fill="#1a2028"/>`;
    },
  },
  {
    fileName: 'odesa-port.jpg',
    tags: {
      caption: 'A bulk carrier leaves the port of Odesa at dawn.',
      photographer: 'Олена Коваленко',
      agency: 'Dateline',
      altText: 'A cargo ship on calm water under an orange dawn sky',
      takenAt: '2026:03:04 06:35:00+02:00',
      city: 'Odesa',
      country: 'Ukraine',
    },
    scene: (random) => `
      <defs>${sky([[0, '#6a7fa0'], [0.45, '#f4a261'], [0.62, '#f7d08a'], [0.63, '#7c8a8f'], [1, '#264653']])}${cloudFilter('clouds', '0.0018 0.009', 6, 1.2)}
        <radialGradient id="sun" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#fff4d0"/><stop offset="0.25" stop-color="#ffd98f" stop-opacity="0.9"/><stop offset="1" stop-color="#ffb36b" stop-opacity="0"/></radialGradient>
        <filter id="ripples"><feTurbulence type="fractalNoise" baseFrequency="0.002 0.12" numOctaves="3" seed="7"/><feColorMatrix type="matrix" values="0 0 0 0 1  0 0 0 0 0.85  0 0 0 0 0.6  0 0 0 1 -0.45"/></filter>
        <filter id="blur2"><feGaussianBlur stdDeviation="2"/></filter></defs>
      <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
      <rect width="${WIDTH}" height="640" filter="url(#clouds)" opacity="0.45"/>
      <circle cx="1180" cy="600" r="260" fill="url(#sun)"/>
      <g fill="#3a3f4a" filter="url(#blur2)">${range(7).map((index) => `<path d="M${index * 130 + 20} 670 L${index * 130 + 20} ${470 + random() * 50} L${index * 130 + 110} ${440 + random() * 40} L${index * 130 + 118} 452 L${index * 130 + 34} ${485 + random() * 30} L${index * 130 + 34} 670 Z"/>`).join('')}</g>
      <rect y="670" width="${WIDTH}" height="${HEIGHT - 670}" filter="url(#ripples)" opacity="0.55"/>
      <g fill="#1f2428">
        <path d="M420 720 L1220 720 L1180 800 L470 800 Z"/>
        <rect x="1010" y="610" width="150" height="110"/><rect x="1030" y="580" width="100" height="30"/><rect x="1100" y="545" width="22" height="40" fill="#8b2f2a"/>
        ${range(5).map((index) => `<rect x="${520 + index * 90}" y="690" width="70" height="30"/><rect x="${548 + index * 90}" y="590" width="8" height="100"/><path d="M${552 + index * 90} 598 L${600 + index * 90} 660" stroke="#1f2428" stroke-width="5"/>`).join('')}
      </g>
      <path d="M470 805 L1180 805" stroke="#f7d08a" stroke-width="3" opacity="0.5"/>
      <rect x="1150" y="700" width="60" height="${HEIGHT - 700}" fill="#ffe2a6" opacity="0.18" filter="url(#blur2)"/>`,
  },
];

/** What turns a flat painting into something that reads as a photograph: lens fall-off, a slight softness, grain. */
async function finish(svgBody: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${svgBody}
    <defs><radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.5"/></radialGradient></defs>
    <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#vignette)"/></svg>`;
  const grain = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 6 } } })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .blur(0.5)
    .composite([{ input: grain, blend: 'soft-light' }])
    .jpeg({ quality: 78, mozjpeg: true })
    .toBuffer();
}

/** IPTC IIM for older systems and XMP for newer ones, both, as agency pictures carry them. */
function tag(file: string, tags: Tags): void {
  const [date = '', time = ''] = tags.takenAt.split(' ');
  execFileSync('exiftool', [
    '-overwrite_original',
    '-charset',
    'iptc=UTF8',
    '-IPTC:CodedCharacterSet=UTF8',
    `-IPTC:Caption-Abstract=${tags.caption}`,
    `-IPTC:By-line=${tags.photographer}`,
    `-IPTC:Credit=${tags.agency}`,
    `-IPTC:CopyrightNotice=© ${tags.agency}`,
    `-IPTC:DateCreated=${date}`,
    `-IPTC:TimeCreated=${time}`,
    `-IPTC:City=${tags.city}`,
    `-IPTC:Country-PrimaryLocationName=${tags.country}`,
    `-XMP-dc:Description=${tags.caption}`,
    `-XMP-dc:Creator=${tags.photographer}`,
    `-XMP-dc:Rights=© ${tags.agency}`,
    `-XMP-photoshop:Credit=${tags.agency}`,
    `-XMP-photoshop:DateCreated=${tags.takenAt}`,
    `-XMP-iptcCore:AltTextAccessibility=${tags.altText}`,
    file,
  ]);
}

async function main(): Promise<void> {
  await fs.mkdir(OUT, { recursive: true });
  for (const [index, picture] of PICTURES.entries()) {
    const file = path.join(OUT, picture.fileName);
    await fs.writeFile(file, await finish(picture.scene(seeded(index + 1))));
    tag(file, picture.tags);
    console.log(`painted ${path.relative(process.cwd(), file)}`);
  }
}

void main();
