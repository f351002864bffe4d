export default function StoryNotFound() {
  return (
    <main id="content" className="public-main error-page">
      <p className="error-page__code">404 · Not found</p>
      <h1>There is no story at this address</h1>
      <p>
        <a href="/">See the latest news</a>
      </p>
    </main>
  );
}
