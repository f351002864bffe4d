import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type Browser, type BrowserContext, expect, type Locator, type Page } from '@playwright/test';

/** The run's shared password (see playwright.config.ts); each spec's people are its own. */
export const PASSWORD = process.env.E2E_PASSWORD ?? '';

export type Person = { email: string; name: string; role: 'admin' | 'copy_editor' | 'editor' };

/** The three people the setup project signs in once; their sessions are reused by the specs. */
export const STAFF = {
  admin: { email: 'admin@e2e.example', name: 'Administrator', role: 'admin' },
  copy_editor: { email: 'copydesk@e2e.example', name: 'Cora Desk', role: 'copy_editor' },
  editor: { email: 'reporter@e2e.example', name: 'Rita Reporter', role: 'editor' },
} as const satisfies Record<string, Person>;

export const storageStateOf = (role: keyof typeof STAFF) => path.join(__dirname, '.auth', `${role}.json`);

const TSX = path.join('node_modules', '.bin', 'tsx');
const userCreate = (person: Person) =>
  ['--conditions=react-server', 'scripts/user-create.ts', '--email', person.email, '--name', person.name, '--role', person.role, '--password-stdin'];
const shellEnv = () => ({ ...process.env, DATA_DIR: process.env.E2E_DATA_DIR });

/** Creates a user the way an operator does: `npm run user:create` with the password on stdin. */
export function createUserFromShell(person: Person, password = PASSWORD): void {
  execFileSync(TSX, userCreate(person), { input: `${password}\n`, env: shellEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
}

const unusedPerson = (role: Person['role'], name: string): Person => ({ email: `${role}-${randomUUID().slice(0, 8)}@e2e.example`, name, role });

/** A person nobody else uses, for specs that lock out, disable or demote someone. */
export function newPerson(role: Person['role'], name = 'Temp Person'): Person {
  const person = unusedPerson(role, name);
  createUserFromShell(person);
  return person;
}

/** As newPerson, without holding up the worker while the shell runs: several people are made at once. */
export async function newPersonMeanwhile(role: Person['role'], name = 'Temp Person'): Promise<Person> {
  const person = unusedPerson(role, name);
  await new Promise<void>((resolve, reject) => {
    const shell = execFile(TSX, userCreate(person), { env: shellEnv() }, (error) => (error ? reject(error) : resolve()));
    shell.stdin?.end(`${PASSWORD}\n`);
  });
  return person;
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAndWaitForDesk(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
}

/** A browser of the person's own, signed in on the desk: for specs that watch their session end. */
export async function signedInBrowser(browser: Browser, email: string, password = PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
  return { context, page };
}

/** The shared admin on the people page, in a browser of its own, and the row of one person there. */
export async function peoplePageAsAdmin(browser: Browser): Promise<{ context: BrowserContext; page: Page; rowOf: (email: string) => Locator }> {
  const context = await browser.newContext({ storageState: storageStateOf('admin') });
  const page = await context.newPage();
  await page.goto('/admin/users');
  return { context, page, rowOf: (email) => page.getByRole('row', { name: new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }) };
}

/** Fills in the people page's Create user form; answers with the invite link it shows and the person's row. */
export async function invite(admin: Page, name: string): Promise<{ email: string; url: string; row: Locator }> {
  const email = `invitee-${randomUUID().slice(0, 8)}@e2e.example`;
  const form = admin.getByRole('region', { name: 'Create user' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('copy_editor');
  await form.getByRole('button', { name: 'Create user and get invite link' }).click();
  const linkField = admin.getByLabel(`Invite link for ${name}`);
  await expect(linkField).toBeVisible();
  return { email, url: await linkField.inputValue(), row: admin.getByRole('row', { name: email }) };
}
