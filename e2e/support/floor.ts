import type { Page } from 'playwright-core';
import { button, eventually, seatLabel, type Person } from './ui.js';

/** The facilitator's Next button, which names who it gives the word to (so a test also waits for that). */
export function nextButton(page: Page, to: string) {
  return page.getByRole('button', { name: `Give the word to ${to} (next)`, exact: true });
}

/**
 * `who` presses Raise hand; waits until `watcher` sees that hand as number `place` in line (the hands
 * come in the order the tests press them, so each waits for its own before the next).
 */
export async function raiseHandAs(who: Person, watcher: Page, place: number) {
  await button(who.page, 'Raise hand').click();
  await eventually(
    async () => (await seatLabel(watcher, who.name)).includes(`hand raised, number ${place}`),
    `${who.name} raised, number ${place}`,
  );
}
