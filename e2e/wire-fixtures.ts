import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type APIRequestContext, type APIResponse, type Browser, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoViolations } from './axe';
import { STAFF, storageStateOf } from './people';

/**
 * The admin gives an agency an ingest token on the Wire sources screen, as a newsroom does, and
 * reads it from the field it is shown in once; `checkScreen` runs axe on the screen as it shows it.
 */
export async function ingestTokenFromAdminScreen(browser: Browser, { checkScreen = false } = {}): Promise<{ agency: string; token: string }> {
  const agency = `Harbour Wire ${randomUUID().slice(0, 6)}`;
  const context = await browser.newContext({ storageState: storageStateOf('admin') });
  const admin = await context.newPage();
  await admin.goto('/admin/wire-sources');
  await admin.getByRole('textbox', { name: 'Agency' }).fill(agency);
  await admin.getByRole('button', { name: 'Create token' }).click();
  const field = admin.getByLabel(`Ingest token for ${agency}`);
  await expect(field).toHaveValue(/^dlw_/);
  const token = await field.inputValue();
  await expect(admin.getByRole('row', { name: new RegExp(agency) })).toContainText('Never');
  if (checkScreen) await expectNoViolations(admin);
  await context.close();
  return { agency, token };
}

/** An agency's system sending one item: no session, only its bearer token. */
export function sendWireItem(agency: APIRequestContext, token: string, item: string, contentType = 'application/xml'): Promise<APIResponse> {
  return agency.post('/api/v1/ingest', { headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, data: item });
}

/**
 * Imports wire copy the way an operator does, `npm run wire:import` in the admin's name, and gives
 * back the item's id on the Wire (read from the database: the queue's addresses are by id).
 */
export function importFromShell(item: string, guid: string): number {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-wire-'));
  try {
    const file = path.join(folder, 'item.xml');
    fs.writeFileSync(file, item);
    execFileSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/wire-import.ts', '--as', STAFF.admin.email, file], {
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? '', 'dateline.db'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM wire_items WHERE guid = ?').get(guid) as { id: number }).id;
  } finally {
    db.close();
  }
}
