import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The two sizes every screen is checked at: a small phone and a laptop. */
export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1366, height: 900 } as const;

/** Critical and serious accessibility violations on the page as it is now, as `rule: target` lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.map(String).join(' ')}`),
    );
}

/** The page's globals, inside `page.evaluate` (the e2e project has no DOM types). */
declare const document: {
  documentElement: { scrollWidth: number };
  body: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<{
    tagName: string;
    className: unknown;
    getBoundingClientRect(): { right: number; width: number };
  }>;
};
declare const window: { innerWidth: number };

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );
}

/** The elements that reach past the window's right edge, to say what overflows (`tag.class right`). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 8)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${String(element.className)} ${Math.round(element.getBoundingClientRect().right)}`,
      ),
  );
}

/**
 * The bar every screen must clear, as it is shown now: nothing wider than the window, no critical or serious
 * axe violation, exactly one `<h1>`. `name` says which screen failed.
 */
export async function expectScreenOk(page: Page, name: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  if (overflow > 0)
    expect.fail(`${name}: ${overflow} px wider than the window: ${(await overflowing(page)).join(', ')}`);
  expect(await seriousViolations(page), `${name}: critical or serious axe violations`).toEqual([]);
  expect(await page.locator('h1').count(), `${name}: number of <h1>`).toBe(1);
}
