import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumLaunchOptions } from './chromium-launch';
import { storageStateOf } from './people';
import { correctedStory } from './story-fixtures';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * Lighthouse times the page from what its browser does, and a browser loads a page on several
 * threads at once (its main thread, the compositor, the network service, Lighthouse's own tracing).
 * Given one CPU for all of them, and for the server under test, the blocking time it measures is the
 * machine's, not the page's: 320 ms and a score of 0.86 with everything pinned to one core, against
 * 100 whenever two are free (docs/decisions/016). So on one CPU the performance score is reported,
 * not asserted; every other category is asserted everywhere.
 */
const TIMES_THE_PAGE = os.availableParallelism() > 1;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('a reader’s story page, with its lead photo, scores 100 in every Lighthouse category', async ({ browser, baseURL }, testInfo) => {
  const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  // Photos as agencies send them, so the page has a rendition for every screen to choose from.
  const { slug } = await correctedStory(desk.request, 'Lighthouse check', 1600);
  await desk.close();

  // Lighthouse drives a browser of its own over the DevTools protocol, with no session in it.
  const port = await freePort();
  const options = chromiumLaunchOptions(path.join(process.env.E2E_DATA_DIR ?? '', 'lighthouse-home'));
  const audited = await chromium.launch({ ...options, args: [...(options.args ?? []), `--remote-debugging-port=${port}`] });
  try {
    // Desktop settings (docs/decisions/016): the mobile preset runs the main thread four times
    // slower, and hydrating the React and Next.js runtime every App Router page ships (230 KB)
    // then blocks it longer than a score of 100 allows, whatever the page itself does.
    // Lighthouse times what it observes, so a machine busy with other work lowers the performance
    // score; as Lighthouse's own guidance says, a second run is allowed while the time does.
    const started = Date.now();
    const asserted = CATEGORIES.filter((id) => id !== 'performance' || TIMES_THE_PAGE);
    let scores: Record<string, number | null | undefined> = {};
    let shortfalls: string[] = [];
    for (let run = 0; run < 2 && !asserted.every((id) => scores[id] === 1); run += 1) {
      if (run > 0 && Date.now() - started > 12_000) break;
      const result = await lighthouse(`${baseURL}/news/${slug}`, { port, logLevel: 'error', onlyCategories: [...CATEGORIES], disableFullPageScreenshot: true }, desktopConfig);
      const lhr = result?.lhr;
      expect(lhr?.runtimeError).toBeUndefined();
      scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr?.categories[id]?.score]));
      // The audits short of full marks, to say why when a category is below 100.
      const audits: { id: string; score: number | null; displayValue?: string }[] = Object.values(lhr?.audits ?? {});
      shortfalls = audits
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => `${audit.id}: ${audit.score} ${audit.displayValue ?? ''}`);
    }
    if (!TIMES_THE_PAGE) {
      testInfo.annotations.push({ type: 'performance not asserted (one CPU)', description: `scored ${scores.performance}; ${shortfalls.join('; ')}` });
    }
    const assertedScores = Object.fromEntries(asserted.map((id) => [id, scores[id]]));
    expect(assertedScores, shortfalls.join('\n')).toEqual(Object.fromEntries(asserted.map((id) => [id, 1])));
  } finally {
    await audited.close();
  }
});
