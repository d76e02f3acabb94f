import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** Polls until `check` holds; the message names what the page never showed. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting until ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

/**
 * A person in their own browser context (own storage: a separate person), with the page open at `url`;
 * `options` for a browser that differs (its `locale`, a phone's viewport).
 */
export async function person(
  browser: Browser,
  name: string,
  url: string,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[${name}] page error:`, err.message));
  await page.goto(url);
  return { name, context, page };
}

/** The page's words for an English label: itself, unless a test walks the client in another language. */
type Say = (english: string) => string | RegExp;
const english: Say = (text) => text;

/**
 * Creates a group from the home page. The form's lobby is on by default; tests say whether they want one
 * (off unless asked, so members sit down at once as the tests expect).
 */
export async function createGroup(
  page: Page,
  name: string,
  {
    lobby = false,
    say = english,
    more = {},
  }: {
    lobby?: boolean;
    say?: Say;
    /** Fields of More settings to fill, by their (English) label: `{ Capacity: '2' }`. */
    more?: Record<string, string>;
  } = {},
) {
  await page.getByLabel(say('Group name')).fill(name);
  await page.getByLabel(say('Use a lobby (a facilitator lets each person in)')).setChecked(lobby);
  if (Object.keys(more).length) await page.getByText(say('More settings'), { exact: true }).click();
  for (const [label, value] of Object.entries(more))
    await page.getByLabel(say(label), { exact: true }).fill(value);
  await page.getByRole('button', { name: say('Create group') }).click();
  const link = (label: string) => page.getByLabel(say(label), { exact: true }).inputValue();
  await page.getByLabel(say('Member link'), { exact: true }).waitFor();
  return {
    facilitator: await link('Facilitator link'),
    member: await link('Member link'),
    observer: await link('Observer link'),
  };
}

/**
 * Fills the join page: name, the declaration checkbox, Join. A member's microphone starts muted the first
 * time; the tests join with it on (as before) unless they ask for muted.
 */
export async function join(p: Person, { muted = false, say = english } = {}) {
  await p.page.getByLabel(say('Your name')).fill(p.name);
  await p.page.getByLabel(say('I accept the confidentiality declaration')).check();
  const mute = p.page.getByLabel(say('Join with my microphone muted'));
  if ((await mute.count()) > 0) await mute.setChecked(muted);
  await p.page.getByRole('button', { name: say('Join'), exact: true }).click();
}

export function seat(page: Page, name: string) {
  return page
    .getByRole('list', { name: 'Circle' })
    .getByRole('listitem', { name: new RegExp(`^${name}(,|$)`) });
}

export async function seatLabel(page: Page, name: string): Promise<string> {
  return (await seat(page, name).getAttribute('aria-label', { timeout: 2_000 })) ?? '';
}

/** The display name on the seat marked aria-current (the holder of the word), or null. */
export async function holder(page: Page): Promise<string | null> {
  // One atomic read in the page: the seat may re-render between two separate locator calls.
  return page.evaluate(() => {
    const el = document.querySelector('[aria-current="true"]');
    return el ? ((el.getAttribute('aria-label') ?? '').split(',')[0] ?? null) : null;
  });
}

export async function waitHolder(pages: Page[], name: string | null) {
  for (const page of pages)
    await eventually(async () => (await holder(page)) === name, `${name ?? 'nobody'} holds the word`);
}

/** Opens a tab of the facilitators' console: the controls of the other tabs are hidden meanwhile. */
export async function consoleTab(page: Page, name: 'Floor' | 'People' | 'Meeting' | 'Tools') {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** Opens More settings on the create form (everything past the group's name and the lobby). */
export async function moreSettings(page: Page) {
  await page.getByText('More settings', { exact: true }).click();
}

export function button(page: Page, name: string | RegExp) {
  return page.getByRole('button', { name, exact: true });
}
