import type { BodyBlock, BodyDoc, BodyInline } from '@/lib/article-body';

/**
 * Deterministic news copy for benchmarks: sentences from a newsroom vocabulary, paragraphs of
 * 40–110 words, a subheading every few paragraphs and some bold lead-ins, so bodies look like the
 * ones the desk stores (ProseMirror JSON in the body schema) without shipping a corpus.
 */

const WORDS = (
  'the a of to and in for on with said government minister council police city officials report year ' +
  'people week people told reporters on monday tuesday wednesday thursday friday statement budget plan ' +
  'after before during election vote parliament court judge ruling appeal company shares market prices ' +
  'inflation rate bank central interest workers union strike talks agreement deal hospital health ' +
  'service patients school teachers children families housing rent energy bills winter storm flooding ' +
  'roads residents mayor spokesperson according figures published showed rise fall percent million ' +
  'billion former chief executive investigation evidence witnesses trial jury sentence prison release ' +
  'border security military troops ceasefire negotiations talks capital region province district ' +
  'village farmers harvest drought water supply network railway airport flights delays passengers ' +
  'climate emissions target coal gas wind solar project funding approved rejected proposal critics ' +
  'supporters campaign protest thousands gathered outside building square crowd speech leader party ' +
  'opposition coalition cabinet reshuffle resigned appointed announced expected later this month'
).split(/\s+/);

/** mulberry32: small, fast and the same on every machine. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 18);
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  if (random() < 0.3) words.splice(1 + Math.floor(random() * (length - 2)), 0, `${Math.floor(random() * 900 + 10)},000`);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraphText(random: () => number, targetWords: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < targetWords) {
    const next = sentence(random);
    sentences.push(next);
    count += next.split(' ').length;
  }
  return sentences.join(' ');
}

/** A body of about `words` words; `seed` picks the copy, so different seeds give different bodies. */
export function newsBody(words: number, seed: number): BodyDoc {
  const random = randomSource(seed);
  const content: BodyBlock[] = [];
  let written = 0;
  let paragraphs = 0;
  while (written < words) {
    if (paragraphs > 0 && paragraphs % 6 === 0) {
      const title = sentence(random).split(' ').slice(0, 5).join(' ').replace(/\.$/, '');
      content.push({ type: 'heading', attrs: { level: random() < 0.7 ? 2 : 3 }, content: [{ type: 'text', text: title }] });
    }
    const text = paragraphText(random, Math.min(40 + Math.floor(random() * 70), words - written + 5));
    const inline: BodyInline[] = [];
    if (random() < 0.25) {
      // A bold lead-in, as in a Q&A or a "What happened:" paragraph.
      const cut = text.indexOf(' ', 12);
      inline.push({ type: 'text', text: text.slice(0, cut), marks: [{ type: 'bold' }] }, { type: 'text', text: text.slice(cut) });
    } else {
      inline.push({ type: 'text', text });
    }
    content.push({ type: 'paragraph', content: inline });
    written += text.split(' ').length;
    paragraphs += 1;
  }
  return { type: 'doc', content };
}
