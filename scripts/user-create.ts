/**
 * Creates a user from the shell:
 *   npm run user:create -- --email ana@newsroom.org --name "Ana Lima" --role editor
 * prompts for the password without echoing it; `--password-stdin` reads it from standard input.
 */
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { isAppError } from '@/lib/app-error';
import { parseInput } from '@/lib/validation/parse-input';
import { CreateUserInput } from '@/lib/validation/user';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';

const USAGE = 'usage: npm run user:create -- --email EMAIL --name NAME --role admin|copy_editor|editor [--password-stdin]';

async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  process.stdout.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return (await text(process.stdin)).replace(/\r?\n$/, '');
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for a password: pass --password-stdin.');
  const password = await promptHidden('Password: ');
  if ((await promptHidden('Repeat password: ')) !== password) throw new Error('The passwords do not match.');
  return password;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values.email || !values.name || !values.role) throw new Error(USAGE);
  const password = await readPassword(values['password-stdin']);
  const input = parseInput(CreateUserInput, { email: values.email, name: values.name, role: values.role, password });
  const user = await createUser(SYSTEM, input);
  console.log(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
}

main().catch((error: unknown) => {
  if (isAppError(error)) {
    const fields = Object.entries(error.details.fields ?? {}).map(([field, messages]) => `  ${field}: ${messages.join('; ')}`);
    console.error([error.message, ...fields].join('\n'));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
