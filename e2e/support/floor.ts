import type { Page } from 'playwright-core';

/** The facilitator's Next button, which names who it gives the word to (so a test also waits for that). */
export function nextButton(page: Page, to: string) {
  return page.getByRole('button', { name: `Give the word to ${to} (next)`, exact: true });
}
