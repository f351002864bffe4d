import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Every rule for WCAG 2.0, 2.1 and 2.2 at levels A and AA and every best practice, the rules axe
 * still calls experimental among them (they are left out of its defaults) and target-size (off by
 * default). Only what axe marks deprecated (WCAG 2.2 made 4.1.1 obsolete) and level AAA stay out.
 */
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];

/**
 * The page as it is now (or only the part `only` selects) has no axe-core violations; a failure
 * lists each rule and where. Run in the
 * page itself (legacy mode): the app has no frames, and the default mode opens a blank page of its
 * own to gather the results, seconds on a busy machine.
 */
export async function expectNoViolations(page: Page, only?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(RULE_TAGS).setLegacyMode();
  const results = await (only ? builder.include(only) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
