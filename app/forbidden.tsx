import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="content" className="error-page">
      <p className="error-page__code">403 · Not allowed</p>
      <h1>You do not have access to this page</h1>
      <p>Your role does not include this part of Dateline. If you need it, ask an admin.</p>
      <p>
        <Link href="/desk">Back to the desk</Link>
      </p>
    </main>
  );
}
