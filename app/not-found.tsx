import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="content" className="error-page">
      <p className="error-page__code">404 · Not found</p>
      <h1>That page is not here</h1>
      <p>It may have been removed, or it is not yours to see.</p>
      <p>
        <Link href="/">The latest news</Link> · <Link href="/desk">The desk</Link>
      </p>
    </main>
  );
}
