import { highlightParts } from '@/lib/search/highlight';

/** Text from the search with its matched words in <mark>: every part is rendered as text, never as HTML. */
export function HighlightedText({ text }: { text: string }) {
  return highlightParts(text).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>));
}
