import { spawn } from 'node:child_process';
import { childEnv } from './bench-env';

const SCRIPT_TIMEOUT_MS = 120_000;

export type ScriptRun = { code: number | null; output: string; ms: number };

/**
 * `npm run <script>` as an operator runs it (tsx, the react-server condition) against `dataDir`,
 * bounded in time; `input` is written to its standard input (a password for `--password-stdin`).
 */
export function runScript(script: string, args: string[], dataDir: string, input?: string): Promise<ScriptRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', script, ...args], {
      env: childEnv({ DATA_DIR: dataDir }),
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    child.stdin?.end(input);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), SCRIPT_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.trim(), ms: Date.now() - started });
    });
  });
}
