import { expect, type Page, test } from '@playwright/test';
import { type RunningApp, startApp } from '../bench/support/app-server';

/**
 * A newcomer's first minutes: `npm start` seeds the demo and prints its passwords; they sign in with
 * one, find the desk full of stories in every state, and read the wire story the stamp format comes
 * from, with its photos. One demo server for the file, so its tests run in one worker, in order.
 */
test.describe.configure({ mode: 'default' });

/** One line of the start-up banner: who may sign in, with the password shown once. */
type PrintedCredential = { role: 'admin' | 'copy_editor' | 'editor'; email: string; password: string };
const BANNER_LINE = /^ {2}(admin|copy_editor|editor) +(\S+@\S+) +(\S+)$/gm;

let demo: RunningApp;
let printedCredentials: PrintedCredential[] = [];

test.beforeAll(async () => {
  // The newcomer's `npm start`, not a test step: the production build with DEMO=1 on an empty
  // DATA_DIR and a port of its own (the suite's main server runs DEMO=0). Its 60 s for the start
  // and the seed are the suite's own web server's.
  test.setTimeout(60_000);
  const started = Date.now();
  let output = '';
  demo = await startApp({ DEMO: '1' }, { onOutput: (text) => (output += text) });
  printedCredentials = [...output.matchAll(BANNER_LINE)].map(([, role, email, password]) => ({ role, email, password }) as PrintedCredential);
  console.log(`demo server started and seeded in ${Date.now() - started} ms`);
});

test.afterAll(async () => {
  await demo?.stop();
});

function printed(role: PrintedCredential['role'], email?: string): PrintedCredential {
  const person = printedCredentials.find((credential) => credential.role === role && (!email || credential.email === email));
  if (!person) throw new Error(`the demo banner printed no ${email ?? role}`);
  return person;
}

async function signInAs(page: Page, person: PrintedCredential): Promise<void> {
  await page.goto(`${demo.baseUrl}/login`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
}

const MOSCOW = '/news/moscow-says-some-troops-are-returning-to-base-after-drills';

test('the start-up banner prints a password for each of the demo’s people', () => {
  expect(printedCredentials.map((person) => person.role).sort()).toEqual(['admin', 'admin', 'copy_editor', 'copy_editor', 'editor', 'editor', 'editor']);
});

test('a newcomer signs in as the printed copy editor and finds a story in every state on the desk', async ({ page }) => {
  await signInAs(page, printed('copy_editor'));
  const statusOf = (headline: string) =>
    page.getByRole('row').filter({ has: page.getByRole('link', { name: headline, exact: true }) }).getByRole('cell').nth(1);
  const desk: [string, RegExp][] = [
    ['Council weighs night-bus cuts as budget gap widens', /^Draft$/],
    ['Hospital waiting lists fall for a third month', /^Draft$/],
    ['Rail strike talks resume after two-week pause', /^In review$/],
    ['Grain ships leave port under new corridor deal', /^Approved$/],
    ['Jobless rate falls to lowest in a decade', /^Scheduled\s*for /],
    ['Central bank holds rates, signals cut in spring', /^Published\s*Live$/],
    ['City museum reopens after five-year restoration', /^Published\s*Live$/],
    ['Moscow says some troops are returning to base after drills', /^Published\s*Live$/],
    ['Ferry operator to cut winter sailings', /^Withdrawn$/],
  ];
  for (const [headline, status] of desk) await expect(statusOf(headline)).toHaveText(status);
});

test('the writer of the returned story finds the copy desk’s note at its top', async ({ page }) => {
  await signInAs(page, printed('editor', 'nadia@dateline.example'));
  await page.getByRole('link', { name: 'Hospital waiting lists fall for a third month' }).click();
  const note = page.getByRole('note', { name: 'Returned by the copy desk' });
  await expect(note).toContainText('Returned by Mei Lin');
  await expect(note).toContainText('Check the Welsh number with the health board');
});

test('the copy desk finds its comment on a passage of the story in review, with the writer’s reply', async ({ page }) => {
  await signInAs(page, printed('copy_editor'));
  await page.getByRole('link', { name: 'Rail strike talks resume after two-week pause' }).click();
  const thread = page.getByRole('region', { name: 'Comments' }).getByRole('article').filter({ hasText: 'Which holiday, and from what date?' });
  await expect(thread.locator('blockquote')).toHaveText('before the holiday timetable begins');
  await expect(thread).toContainText('Easter: the holiday timetable starts on 28 March.');
});

test('a reader opens the Moscow wire story and sees its stamp, dateline and both photos with their credit lines', async ({ page }) => {
  await page.goto(`${demo.baseUrl}${MOSCOW}`);
  await expect(page.locator('.wire-stamp')).toHaveText('12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022)');
  await expect(page.locator('.article-body p').first()).toHaveText(/^MOSCOW \(Sputnik\) - Signs from Moscow that some units/);

  const photos = [
    {
      alt: 'A line of tanks on railway flatcars in a snowy field at dusk',
      credit: '© Dateline / Ольга Смирнова',
      caption: /^Armoured vehicles wait on railway flatcars/,
    },
    {
      alt: 'A red brick fortress wall and a tower with a green spire in falling snow, golden church domes behind',
      credit: '© Dateline / Дмитрий Волков',
      caption: /^Snow falls on the Kremlin wall in Moscow/,
    },
  ];
  const figures = page.locator('figure.photo-figure');
  await expect(figures).toHaveCount(photos.length);
  for (const [index, photo] of photos.entries()) {
    const figure = figures.nth(index);
    const image = figure.getByRole('img', { name: photo.alt, exact: true });
    await image.scrollIntoViewIfNeeded();
    // Loaded from its rendition, not a broken image.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect(figure.locator('.photo-figure__credit')).toHaveText(photo.credit);
    await expect(figure.locator('figcaption')).toHaveText(photo.caption);
  }
});

test('a reader finds the correction at the foot of the corrected story', async ({ page }) => {
  await page.goto(`${demo.baseUrl}/news/city-museum-reopens-after-five-year-restoration`);
  await expect(page.locator('.article-body')).toContainText('€38 million');
  await expect(page.getByRole('complementary', { name: 'Corrections' })).toContainText(
    'An earlier version of this story gave the cost of the restoration as €83 million. It was €38 million.',
  );
});

test('a reader goes from the front page to the World section and on to the Moscow story’s writer', async ({ page }) => {
  await page.goto(`${demo.baseUrl}/`);
  await page.getByRole('heading', { level: 2, name: 'World' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'World' })).toBeVisible();
  await page.getByRole('link', { name: 'Moscow says some troops are returning to base after drills' }).click();
  await page.getByRole('link', { name: 'Nadia Petrova' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nadia Petrova' })).toBeVisible();
  await expect(page.getByText('Nadia Petrova covers Russia, Ukraine and the economy')).toBeVisible();
});
