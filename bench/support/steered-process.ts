import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/** A bench's helper process, asked one question at a time over IPC; each command is answered by a reply of a known kind. */
export type SteeredProcess<Command extends { kind: string }, Reply extends { kind: string }> = {
  pid: number;
  readonly running: boolean;
  ask<K extends Reply['kind']>(command: Command, reply: K): Promise<Extract<Reply, { kind: K }>>;
  /** Sends `{ kind: 'stop' }`, then waits for it to exit (SIGKILL after 5 s). */
  stop(): Promise<void>;
};

/**
 * Forks `script` (a path from the project's root) under tsx. `what` names it in errors. A reply of
 * kind 'error' with a `message` is thrown as an Error with that message.
 */
export function forkSteered<Command extends { kind: string }, Reply extends { kind: string }>(
  script: string,
  what: string,
  options: { execArgv?: string[]; env?: NodeJS.ProcessEnv } = {},
): SteeredProcess<Command, Reply> {
  const child: ChildProcess = fork(path.join(process.cwd(), script), [], {
    execArgv: [...(options.execArgv ?? []), '--import', 'tsx'],
    env: options.env ?? process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Reports hold tens of thousands of figures: structured clone sends them faster than JSON.
    serialization: 'advanced',
  });
  let answer: ((reply: Reply) => void) | undefined;
  child.on('message', (reply: Reply) => answer?.(reply));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code, signal) => reject(new Error(`${what} exited (${code ?? signal})`))));
  exited.catch(() => undefined);
  return {
    pid: child.pid!,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    async ask(command, kind) {
      const reply = await Promise.race([new Promise<Reply>((resolve) => ((answer = resolve), child.send(command))), exited]);
      if (reply.kind === 'error' && kind !== 'error') throw new Error(`${what} failed at ${command.kind}: ${(reply as { message?: string }).message ?? ''}`);
      if (reply.kind !== kind) throw new Error(`${what} answered ${reply.kind} to ${command.kind}`);
      return reply as Extract<Reply, { kind: typeof kind }>;
    },
    async stop() {
      if (!this.running) return;
      if (child.connected) child.send({ kind: 'stop' });
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited.catch(() => undefined);
      clearTimeout(force);
    },
  };
}
