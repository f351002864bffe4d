import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type APIResponse, type Browser, expect } from '@playwright/test';
import { expectNoViolations } from './axe';
import { storageStateOf } from './people';

/**
 * The admin gives an agency an ingest token on the Wire sources screen, as a newsroom does, and
 * reads it from the field it is shown in once. Checks the screen with axe on the way.
 */
export async function ingestTokenFromAdminScreen(browser: Browser, agency = `Harbour Wire ${randomUUID().slice(0, 6)}`): Promise<{ agency: string; token: string }> {
  const context = await browser.newContext({ storageState: storageStateOf('admin') });
  const admin = await context.newPage();
  await admin.goto('/admin/wire-sources');
  await admin.getByRole('textbox', { name: 'Agency' }).fill(agency);
  await admin.getByRole('button', { name: 'Create token' }).click();
  const field = admin.getByLabel(`Ingest token for ${agency}`);
  await expect(field).toHaveValue(/^dlw_/);
  const token = await field.inputValue();
  await expect(admin.getByRole('row', { name: new RegExp(agency) })).toContainText('Never');
  await expectNoViolations(admin);
  await context.close();
  return { agency, token };
}

/** An agency's system sending one item: no session, only its bearer token. */
export function sendWireItem(agency: APIRequestContext, token: string, item: string, contentType = 'application/xml'): Promise<APIResponse> {
  return agency.post('/api/v1/ingest', { headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, data: item });
}
