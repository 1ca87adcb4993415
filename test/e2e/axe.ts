import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** The WCAG 2.0 and 2.1 success criteria at levels A and AA. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Every axe rule for those criteria, taken from axe's own catalogue rather than a hand-kept list. Run
 * by id: selecting by tag leaves out the rules axe marks experimental (td-has-header,
 * table-fake-caption, p-as-heading, css-orientation-lock), and a WCAG check must not skip any.
 */
export const WCAG_21_AA_RULES: ReadonlySet<string> = new Set(axe.getRules(WCAG_21_AA_TAGS).map((rule) => rule.ruleId));
/** axe's advice beyond WCAG (landmarks, heading order...): held to "no serious or critical finding", as before. */
const BEST_PRACTICE_RULES = axe.getRules(['best-practice']).map((rule) => rule.ruleId).filter((id) => !WCAG_21_AA_RULES.has(id));

/**
 * What a screen must be free of, in one axe run: every WCAG 2.1 A/AA violation of any impact, and
 * best-practice findings rated serious or critical. Each with up to five of the elements found; `within`
 * limits the run to one part of the page (a CSS selector).
 */
export async function accessibilityViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const { violations } = await builder.withRules([...WCAG_21_AA_RULES, ...BEST_PRACTICE_RULES]).analyze();
  return violations
    .filter((v) => WCAG_21_AA_RULES.has(v.id) || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
