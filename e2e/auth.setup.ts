import { test as setup } from '@playwright/test';
import { createUserFromShell, signInAndWaitForDesk, STAFF, storageStateOf } from './people';

setup.describe.configure({ mode: 'serial' });

// The admin comes from ADMIN_EMAIL / ADMIN_PASSWORD at server start; the others from the shell.
setup('create the newsroom staff from the shell', () => {
  createUserFromShell(STAFF.copy_editor);
  createUserFromShell(STAFF.editor);
});

for (const role of ['admin', 'copy_editor', 'editor'] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAndWaitForDesk(page, STAFF[role].email);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
