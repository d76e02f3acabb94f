import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from '../support/fixture.js';
import {
  button,
  consoleTab,
  createGroup,
  eventually,
  join,
  person,
  seat,
  type Person,
} from '../support/ui.js';

/** Every WebSocket frame the page sends or receives, as the server relayed it. */
function wire(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => frames.push(String(f.payload)));
    ws.on('framereceived', (f) => frames.push(String(f.payload)));
  });
  return frames;
}

/** The epoch of the media key the page holds (numbers only: the test hook never exposes a key). */
const epochOf = (p: Person) =>
  p.page.evaluate(
    () =>
      (window as unknown as { __circleE2ee?: { current(): number | null } }).__circleE2ee?.current() ?? null,
  );

describe('end-to-end encrypted chat in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });

  it('two people exchange a chat message and private words they read; the wire carries none of it', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const said = `Sealed ${tag}: I would rather write today`;
    const privately = `Sealed ${tag}: I am finding today hard`;
    const answer = `Sealed ${tag}: thank you for telling us`;

    const fran = await person(env.browser, 'Fran', env.server.url);
    const franWire = wire(fran.page);
    const links = await createGroup(fran.page, 'Sealed circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    const ana = await person(env.browser, 'Ana', env.server.url);
    const anaWire = wire(ana.page);
    await ana.page.goto(links.member);
    await join(ana);
    for (const p of [fran, ana]) await seat(p.page, 'Ana').waitFor();
    await eventually(
      async () => {
        const [f, a] = await Promise.all([epochOf(fran), epochOf(ana)]);
        return f !== null && f === a;
      },
      'both hold the same media key',
      15_000,
    );

    await ana.page.getByLabel('Write to the group').fill(said);
    await ana.page.getByLabel('Write to the group').press('Enter');
    await fran.page.getByText(said).waitFor();
    await ana.page.getByText(said).waitFor();

    await ana.page.getByLabel('Write privately to the facilitators').fill(privately);
    await button(ana.page, 'Send privately').click();
    // Her own word: her browser keeps it (its key was wrapped for the facilitators only).
    await ana.page.getByText(privately).waitFor();
    await consoleTab(fran.page, 'People');
    await fran.page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Ana (wrote to you)' });
    await fran.page.getByText(privately).waitFor();
    await fran.page.getByLabel('Private word to Ana').fill(answer);
    await button(fran.page, 'Send privately').click();
    await ana.page.getByText(answer).waitFor();

    // A late joiner's browser never held the key the chat was sealed with.
    const ben = await person(env.browser, 'Ben', links.member);
    await join(ben);
    await ben.page.getByText('Can’t be read (sent before you joined)').waitFor();
    expect(await ben.page.getByText(said).count()).toBe(0);

    // What the server relayed: sealed words, and none of the words themselves.
    const frames = [...franWire, ...anaWire];
    expect(frames.some((f) => f.includes('"sealed"'))).toBe(true);
    expect(frames.filter((f) => f.includes(tag))).toEqual([]);
  });
});
