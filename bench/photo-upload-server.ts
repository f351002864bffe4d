/**
 * The photo-upload benchmark's server leg: the same photos POSTed one after another to
 * `/api/photos` on the production build (`next start`), signed in as the admin, with the server
 * process's resident set read from the kernel after each. Part of `npm run bench -- photo-upload`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium, signIn, startApp } from './support/app-server';
import { machineCpuMs, processCpuMs } from './support/cpu-time';

export type ServerSeries = {
  /** Resident set once signed in and the desk rendered, before the first upload. */
  rssBeforeMB: number;
  each: { wallMs: number; rssMB: number; peakRssMB: number }[];
  /** Two more photos POSTed at the same moment, after the series. */
  pair: { wallMs: number; peakRssMB: number };
  peakRssMB: number;
  /** Over the series: the share of all CPUs' time in use, and next-server's part of it. */
  cpuBusyShare: number;
  serverCpuShare: number;
};

/** VmRSS and VmHWM (the peak) of a process, in decimal MB. */
function residentSet(pid: number): { rssMB: number; peakRssMB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMB: (kB('VmRSS') * 1024) / 1e6, peakRssMB: (kB('VmHWM') * 1024) / 1e6 };
}

/** Uploads `files` one by one, then `pair` at once, to a fresh `next start` with `env` added. */
export async function serverSeries(files: string[], pair: [string, string], env: Record<string, string> = {}): Promise<ServerSeries> {
  const browserHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-browser-'));
  const app = await startApp(env);
  try {
    const browser = await launchChromium(browserHome);
    try {
      const page = await browser.newPage();
      await signIn(page, app);
      const post = async (file: string, name: string) => {
        const response = await page.request.post(`${app.baseUrl}/api/photos?name=${encodeURIComponent(name)}`, {
          data: fs.readFileSync(file),
          headers: { 'content-type': 'image/jpeg' },
        });
        // 201 is a new photo; 200 would be a duplicate, which makes none of the work.
        if (response.status() !== 201) throw new Error(`POST /api/photos answered ${response.status()}: ${await response.text()}`);
      };
      const rssBeforeMB = residentSet(app.pid).rssMB;
      const machineBefore = machineCpuMs();
      const serverBefore = processCpuMs(app.pid);
      const seriesStart = performance.now();
      const each: ServerSeries['each'] = [];
      for (const [i, file] of files.entries()) {
        const t0 = performance.now();
        await post(file, `bench-server-${i + 1}.jpg`);
        each.push({ wallMs: performance.now() - t0, ...residentSet(app.pid) });
      }
      const capacityMs = (performance.now() - seriesStart) * os.cpus().length;
      const cpuBusyShare = (machineCpuMs().busy - machineBefore.busy) / capacityMs;
      const serverCpuShare = (processCpuMs(app.pid) - serverBefore) / capacityMs;
      const t0 = performance.now();
      await Promise.all(pair.map((file, i) => post(file, `bench-server-pair-${i + 1}.jpg`)));
      const pairMs = performance.now() - t0;
      const { peakRssMB } = residentSet(app.pid);
      return { rssBeforeMB, each, pair: { wallMs: pairMs, peakRssMB }, peakRssMB, cpuBusyShare, serverCpuShare };
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
    fs.rmSync(browserHome, { recursive: true, force: true });
  }
}
