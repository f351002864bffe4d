/**
 * Keystroke → next frame in headless Chromium, typing at the end of a 5,000-word article in the
 * editor, against the Standfirst textarea on the same page and a bare <textarea> on a blank page.
 * Needs `npm run build`. Run: `npm run bench -- keystroke`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { assertBuilt, launchChromium, type RunningApp, signIn, startApp } from './support/app-server';
import { newsBody, randomSource } from './support/copy';
import { describeMs, heading, ms, type Summary, summarize, verdict } from './support/stats';

const BODY_WORDS = 5_000;
/** Per field: 10 blocks of 20 measured keystrokes, each block after 5 warm-up keystrokes. */
const BLOCKS = 10;
const KEYS_PER_BLOCK = 20;
const WARMUP_PER_BLOCK = 5;
// Issue 7 (December) tightened the target from 16 ms to 12 ms.
const TARGET_P95_MS = 12;
const TYPED = 'the council said on monday that the plan would go ahead despite objections from residents ';

/** One keystroke as the page saw it; times are performance.now() milliseconds. */
type KeyRecord = {
  /** The keydown event's timeStamp: when the browser created the event, before any queueing. */
  down: number;
  /** The character is applied: the input event, or for the editor its first DOM change if that is seen first. */
  changed: number;
  /**
   * The first animation frame after the input: its rAF callback starts only once the input's task
   * (ProseMirror's DOM observer, Tiptap, React, the local mirror: all synchronous) has finished.
   */
  raf: number;
  /** After that frame's style, layout and paint. */
  frameEnd: number;
};

type Run = { frame: Summary; toFrameStart: Summary };

export async function benchKeystroke(): Promise<boolean> {
  heading('2. Keystroke → next frame (headless Chromium)');
  console.log(`build: ${assertBuilt()}`);
  const browserHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-browser-'));
  const app = await startApp();
  try {
    const browser = await launchChromium(browserHome);
    try {
      console.log(`Chromium ${browser.version()}; app at ${app.baseUrl}`);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // tsx compiles with esbuild's keepNames, so functions sent to page.evaluate call its __name helper.
      await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const page = await context.newPage();
      await signIn(page, app);
      const articleId = await createLongArticle(page, app);

      const opened = Date.now();
      await page.goto(`${app.baseUrl}/desk/articles/${articleId}`);
      const body = page.getByRole('textbox', { name: 'Body' });
      await body.and(page.locator('#body[contenteditable="true"]')).waitFor({ timeout: 30_000 });
      console.log(`editor ready (contenteditable) ${Date.now() - opened} ms after navigation; ${await body.locator('p').count()} paragraphs`);

      const blank = await context.newPage();
      await blank.setContent('<!doctype html><label>Plain <textarea id="plain" rows="4" cols="80"></textarea></label>');
      const fields: Field[] = [
        { label: 'the editor body (end of a 5,000-word article)', page, target: body.locator('p').last() },
        { label: 'the Standfirst <textarea> on the same page', page, target: page.getByLabel('Standfirst') },
        { label: 'a bare <textarea> on a blank page', page: blank, target: blank.getByLabel('Plain') },
      ];
      const [editorRun, standfirstRun, plainRun] = (await measureInterleaved(fields)) as [Run, Run, Run];
      const typedTail = TYPED.slice(0, 30).trim();
      if (!(await body.locator('p').last().textContent())?.includes(typedTail)) {
        throw new Error('The typed text did not land at the end of the body; the figures would be meaningless');
      }
      await reportMirrorCost(page);
      await context.close();

      console.log(`ratio editor / Standfirst: p50 ${(editorRun.frame.p50 / standfirstRun.frame.p50).toFixed(2)}×, p95 ${(editorRun.frame.p95 / standfirstRun.frame.p95).toFixed(2)}×`);
      console.log(`ratio editor / bare textarea: p50 ${(editorRun.frame.p50 / plainRun.frame.p50).toFixed(2)}×, p95 ${(editorRun.frame.p95 / plainRun.frame.p95).toFixed(2)}×`);
      console.log(
        `keydown → frame start, p95: editor ${ms(editorRun.toFrameStart.p95)}, Standfirst ${ms(standfirstRun.toFrameStart.p95)}, bare textarea ${ms(plainRun.toFrameStart.p95)}`,
      );
      return verdict('editor keystroke → next frame p95', editorRun.frame.p95, TARGET_P95_MS, 'ms');
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
    fs.rmSync(browserHome, { recursive: true, force: true });
  }
}

/** A 5,000-word draft through the API, as the editor's own saves would store it. */
async function createLongArticle(page: Page, app: RunningApp): Promise<number> {
  const created = await page.request.post(`${app.baseUrl}/api/articles`);
  if (created.status() !== 201) throw new Error(`POST /api/articles answered ${created.status()}: ${await created.text()}`);
  const { id } = (await created.json()) as { id: number };
  const saved = await page.request.put(`${app.baseUrl}/api/articles/${id}`, {
    data: {
      headline: 'Council approves the long-awaited flood defence plan after a marathon session',
      standfirst: 'Residents, engineers and farmers gave evidence over three days; the vote was 31 to 19.',
      datelinePlace: 'LONDON',
      datelineSource: 'Dateline',
      byline: 'By The Desk',
      body: newsBody(BODY_WORDS, 5_000),
      version: 1,
    },
  });
  if (!saved.ok()) throw new Error(`PUT /api/articles/${id} answered ${saved.status()}: ${await saved.text()}`);
  return id;
}

/**
 * What every change to the draft costs before the frame can start: the editor mirrors the whole
 * draft to localStorage (components/editor/unsaved-mirror.ts) on each keystroke. Timed in the page
 * on the same 5,000-word document, to say how much of a keystroke it is.
 */
async function reportMirrorCost(page: Page): Promise<void> {
  const cost = await page.evaluate(() => {
    const editor = (document.getElementById('body') as (HTMLElement & { editor?: { getJSON: () => unknown } }) | null)?.editor;
    if (!editor) return null;
    const ROUNDS = 50;
    // performance.now() is coarsened to 0.1 ms here, so each step is timed over all rounds at once.
    const timed = (step: () => void) => {
      const t0 = performance.now();
      for (let i = 0; i < ROUNDS; i++) step();
      return (performance.now() - t0) / ROUNDS;
    };
    let body: unknown = null;
    let json = '';
    const getJson = timed(() => {
      body = editor.getJSON();
    });
    const stringify = timed(() => {
      json = JSON.stringify({ draft: { body }, baseVersion: 1, at: new Date().toISOString() });
    });
    const setItem = timed(() => localStorage.setItem('dateline:bench:mirror-cost', json));
    localStorage.removeItem('dateline:bench:mirror-cost');
    return { getJson, stringify, setItem, bytes: json.length };
  });
  if (!cost) {
    console.log('   (could not reach the Tiptap editor instance to time the local mirror)');
    return;
  }
  console.log(
    `   local mirror per keystroke on this document (mean of 50): editor.getJSON ${ms(cost.getJson, 3)}, ` +
      `JSON.stringify ${ms(cost.stringify, 3)}, localStorage.setItem ${ms(cost.setItem, 3)} (${(cost.bytes / 1000).toFixed(0)} kB); ` +
      `sum ${ms(cost.getJson + cost.stringify + cost.setItem, 3)}`,
  );
}

type Field = { label: string; page: Page; target: Locator };

/**
 * Types into the fields in turn, a block of keystrokes each, so that a busy moment on a shared
 * machine lands on the field and its baselines alike. Before each block: click the field, go to
 * the end, let the blur's autosave settle, and type a few warm-up keys that are not counted.
 */
async function measureInterleaved(fields: Field[]): Promise<Run[]> {
  for (const page of new Set(fields.map((field) => field.page))) await page.evaluate(installProbe);
  const random = randomSource(42);
  const state = fields.map(() => ({ typed: 0, records: [] as KeyRecord[], slow: 0, longest: 0, missingInput: 0 }));
  for (let block = 0; block < BLOCKS; block++) {
    for (const [index, field] of fields.entries()) {
      const { page } = field;
      const mine = state[index]!;
      await page.bringToFront();
      await field.target.click();
      await page.keyboard.press('Control+End');
      await page.waitForTimeout(500);
      for (let key = 0; key < WARMUP_PER_BLOCK + KEYS_PER_BLOCK; key++) {
        const counted = key >= WARMUP_PER_BLOCK;
        if (key === WARMUP_PER_BLOCK) await page.evaluate(() => window.__keyProbe!.startEventTiming());
        const char = TYPED[mine.typed++ % TYPED.length]!;
        await page.keyboard.press(char === ' ' ? 'Space' : char);
        const record = await page.evaluate(() => window.__keyProbe!.next());
        if (record === null) mine.missingInput++;
        else if (counted) mine.records.push(record);
        // 60–180 ms between keys: a fast typist.
        await page.waitForTimeout(60 + Math.floor(random() * 120));
      }
      const events = await page.evaluate(() => window.__keyProbe!.stopEventTiming());
      mine.slow += events.slowInteractions;
      mine.longest = Math.max(mine.longest, events.maxDuration);
    }
  }

  return fields.map((field, index) => {
    const { records, slow, longest, missingInput } = state[index]!;
    const run: Run = {
      frame: summarize(records.map((r) => r.frameEnd - r.down)),
      toFrameStart: summarize(records.map((r) => r.raf - r.down)),
    };
    console.log(
      `-- ${field.label}: ${records.length} keystrokes (+${BLOCKS * WARMUP_PER_BLOCK} warm-up)` +
        (missingInput ? `; ${missingInput} keystrokes (warm-up included) showed the probe no change within 1 s and are left out` : ''),
    );
    console.log(describeMs('   keydown → next frame rendered', run.frame));
    console.log(describeMs('     keydown → change seen by the probe', summarize(records.map((r) => r.changed - r.down))));
    console.log(describeMs('     → frame start (handlers after the change)', summarize(records.map((r) => r.raf - r.changed))));
    console.log(describeMs('     → frame rendered (style, layout, paint)', summarize(records.map((r) => r.frameEnd - r.raf))));
    // Event Timing runs to the frame's presentation (our figure stops when the main thread is done
    // with the frame), but reports nothing under 16 ms and rounds to 8 ms: 16 means 12–20 ms.
    console.log(
      `   Event Timing: ${slow} of ${records.length} keystrokes (${((100 * slow) / records.length).toFixed(1)}%) ` +
        `took ≥ 16 ms to the next presented paint` +
        (slow ? ` (longest ${longest} ms; 8 ms granularity)` : ''),
    );
    return run;
  });
}

declare global {
  interface Window {
    __keyProbe?: {
      next: () => Promise<KeyRecord | null>;
      startEventTiming: () => void;
      stopEventTiming: () => { slowInteractions: number; maxDuration: number };
    };
  }
}

/**
 * Runs in the page. keydown records the event's own timeStamp; the change (the input event, or in the
 * editor the first DOM change, which ProseMirror's own observer has already handled by then) requests
 * an animation frame, whose callback posts a message: the message runs once that frame's style,
 * layout and paint are done. (A message posted at the change is no measure of the end of the input's
 * task: after input, Chromium renders before it.)
 */
function installProbe(): void {
  if (window.__keyProbe) return;
  let current: KeyRecord | null = null;
  let waiting: ((record: KeyRecord | null) => void) | null = null;
  let done: KeyRecord | null | undefined;
  const after = (callback: () => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  };
  const finish = (record: KeyRecord | null) => {
    if (waiting) {
      waiting(record);
      waiting = null;
    } else {
      done = record;
    }
  };
  document.addEventListener(
    'keydown',
    (event) => {
      current = { down: event.timeStamp, changed: NaN, raf: NaN, frameEnd: NaN };
      // A key that inserts nothing is reported as such after its keyup.
    },
    { capture: true },
  );
  const applied = () => {
    const record = current;
    if (!record || !Number.isNaN(record.changed)) return;
    record.changed = performance.now();
    requestAnimationFrame(() => {
      record.raf = performance.now();
      after(() => {
        record.frameEnd = performance.now();
        finish(record);
      });
    });
  };
  document.addEventListener('input', applied, { capture: true });
  // In the editor the DOM change reaches a MutationObserver before the input event does, and when
  // ProseMirror inserts a character itself no input event fires at all. (A textarea changes no DOM.)
  const editorRoot = document.getElementById('body');
  if (editorRoot) new MutationObserver(applied).observe(editorRoot, { subtree: true, childList: true, characterData: true });
  document.addEventListener(
    'keyup',
    () => {
      const record = current;
      if (record && Number.isNaN(record.changed)) setTimeout(() => Number.isNaN(record.changed) && finish(null), 1_000);
    },
    { capture: true },
  );

  let observer: PerformanceObserver | null = null;
  const slow = new Map<number, number>();
  const note = (entries: PerformanceEntryList) => {
    // interactionId is newer than this TypeScript's DOM types.
    for (const entry of entries as (PerformanceEventTiming & { interactionId?: number })[]) {
      if (entry.interactionId) slow.set(entry.interactionId, Math.max(slow.get(entry.interactionId) ?? 0, entry.duration));
    }
  };
  window.__keyProbe = {
    next: () =>
      new Promise((resolve) => {
        if (done !== undefined) {
          resolve(done);
          done = undefined;
        } else {
          waiting = resolve;
        }
      }),
    startEventTiming: () => {
      slow.clear();
      // 16 ms is the smallest threshold the Event Timing API allows: faster events are not reported.
      observer = new PerformanceObserver((list) => note(list.getEntries()));
      observer.observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    },
    stopEventTiming: () => {
      if (observer) note(observer.takeRecords());
      observer?.disconnect();
      return { slowInteractions: slow.size, maxDuration: Math.max(0, ...slow.values()) };
    },
  };
}
