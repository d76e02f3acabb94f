import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from '../support/fixture.js';
import { mediaStats } from '../support/media.js';
import { listeningArgs, tonesHeard } from '../support/tone.js';
import {
  button,
  createGroup,
  eventually,
  holder,
  join,
  person,
  seat,
  waitHolder,
  type Person,
} from '../support/ui.js';

/** The listeners' panel: its heading says how many listen. */
const listeners = (page: Page) => page.getByRole('list', { name: 'Listeners', exact: true });
const listener = (page: Page, name: string) =>
  listeners(page).getByRole('listitem', { name: new RegExp(`^${name}(,|$)`) });
const timerSays = (page: Page) => page.locator('.timer-who').innerText();

describe('listeners beyond the seats, in real Chromium', () => {
  // The word alone: without mediasoup the test stays about the list and the floor.
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, ana: Person, ben: Person, lea: Person, max: Person;

  it('fills the two seats, then Lea and Max join as listeners: a count and a list, not seats', async () => {
    // The group is made on the create form: two seats, and listeners beyond them (More settings).
    const creator = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(creator.page, 'Open meeting', {
      more: { Capacity: '2', 'Listeners beyond the seats': '5' },
    });
    await creator.context.close();
    const at = (url: string) => new URL(url, env.server.url).href;
    fran = await person(env.browser, 'Fran', at(links.facilitator));
    await join(fran);
    await seat(fran.page, 'Fran').waitFor();
    ana = await person(env.browser, 'Ana', at(links.member));
    ben = await person(env.browser, 'Ben', at(links.member));
    for (const p of [ana, ben]) {
      await join(p);
      await seat(fran.page, p.name).waitFor();
    }
    lea = await person(env.browser, 'Lea', at(links.member));
    max = await person(env.browser, 'Max', at(links.member));
    for (const p of [lea, max]) await join(p);

    for (const page of [fran.page, ana.page, lea.page]) {
      await page.getByRole('heading', { name: '2 listening' }).waitFor();
      await listener(page, 'Lea').waitFor();
      await listener(page, 'Max').waitFor();
      // Listeners never take a seat in the ring.
      expect(await seat(page, 'Lea').count()).toBe(0);
    }
    await lea.page.getByText('You are listening: the seats are full.', { exact: false }).waitFor();
  });

  it('finds a listener by name, said politely, and clears the search with Escape', async () => {
    const search = fran.page.getByLabel('Find a listener by name');
    await search.fill('ma');
    await fran.page.getByRole('status').filter({ hasText: '1 found' }).waitFor();
    await eventually(
      async () => (await listeners(fran.page).getByRole('listitem').count()) === 1,
      'only Max',
    );
    await listener(fran.page, 'Max').waitFor();
    await search.fill('zed');
    await fran.page.getByText('Nobody listening by that name').waitFor();
    expect(await listeners(fran.page).count()).toBe(0);
    await search.press('Escape');
    await eventually(
      async () => (await listeners(fran.page).getByRole('listitem').count()) === 2,
      'both back',
    );
  });

  it('a listener raises a hand and queues as usual; given the word from the list, shows as the speaker', async () => {
    await button(lea.page, 'Raise hand').click();
    await eventually(
      async () =>
        ((await listener(fran.page, 'Lea').getAttribute('aria-label')) ?? '').includes(
          'hand raised, number 1',
        ),
      "Lea's hand seen in the list",
    );
    // Facilitators see the listener's hand among the raised hands, as any other.
    await fran.page.getByRole('list', { name: 'Raised hands' }).getByText('Lea').first().waitFor();

    await button(fran.page, 'Give the word to Lea').click();
    await waitHolder([fran.page, ana.page, max.page, lea.page], 'Lea');
    await eventually(async () => (await timerSays(ana.page)) === 'Lea has the word', 'Ana sees Lea speak');
    await eventually(async () => (await timerSays(lea.page)) === 'You have the word', 'Lea is told');
    // Holding the word, Lea finishes like anyone seated; the word is free again and she is a listener still.
    await button(lea.page, "I'm done").click();
    await waitHolder([fran.page, ana.page], null);
    expect(await holder(lea.page)).toBeNull();
    await listener(fran.page, 'Lea').waitFor();
    expect(await button(lea.page, 'Give the word to Max').count()).toBe(0);
  });
});

/**
 * Counts the media requests a page sends on its socket: a rebuilt media session asks `media:join` again
 * and a consumer again for everyone it hears.
 */
async function wireCounter(p: Person) {
  const sent = { join: 0, consume: 0 };
  p.page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString();
      if (text.includes('"media:join"')) sent.join++;
      if (text.includes('"media:consume"')) sent.consume++;
    }),
  );
  await p.page.reload(); // the socket may have opened on load, before the listener
  return sent;
}

describe('a listener given the word is heard by all, in real Chromium with a fake microphone', () => {
  // One mediasoup worker; Chromium with a fake microphone playing a tone, and audio output it can measure.
  const media = browserAndServer({ MEDIASOUP_WORKERS: '1', CIRCLE_MEDIA_PORT: '0' }, listeningArgs());

  it('is heard by the seated and the other listeners, and nobody receiving is restarted', async () => {
    // Clear media: what is measured is the session surviving the word (e2ee-media.test.ts covers sealing).
    const fran = await person(media.browser, 'Fran', media.server.url);
    await fran.page.getByLabel('End-to-end encryption', { exact: true }).setChecked(false);
    const links = await createGroup(fran.page, 'Open meeting', {
      more: { Capacity: '2', 'Listeners beyond the seats': '5' },
    });
    const at = (url: string) => new URL(url, media.server.url).href;
    await fran.page.goto(at(links.facilitator));
    // The facilitator and two members take the seats; Lea and Max listen.
    const seated = [
      fran,
      ...(await Promise.all(['Ana', 'Ben'].map((n) => person(media.browser, n, at(links.member))))),
    ];
    const [lea, max] = await Promise.all(
      ['Lea', 'Max'].map((n) => person(media.browser, n, at(links.member))),
    );
    const everyone = [...seated, lea!, max!];
    const wire = new Map<Person, { join: number; consume: number }>();
    for (const p of everyone) {
      wire.set(p, await wireCounter(p));
      await join(p);
      await (seated.includes(p) ? seat(fran.page, p.name) : listener(fran.page, p.name)).waitFor();
    }
    /** Whom each one hears: the other seated people, and Lea while she holds the word. */
    const hears = (p: Person, leaSpeaks: boolean) =>
      seated.filter((s) => s !== p).length + (leaSpeaks && p !== lea ? 1 : 0);
    for (const p of everyone)
      await eventually(
        async () => (await mediaStats(p.page)).consumers === hears(p, false),
        `${p.name} consumes the seated`,
        15_000,
      );
    expect((await mediaStats(lea!.page)).producers).toBe(0);
    const before = new Map([...wire].map(([p, n]) => [p, { ...n }]));
    const bytesBefore = (await mediaStats(lea!.page)).inboundAudioBytes;

    await button(lea!.page, 'Raise hand').click();
    await button(fran.page, 'Give the word to Lea').click();
    const given = Date.now();
    await waitHolder(
      everyone.map((p) => p.page),
      'Lea',
    );
    // Everyone at once (one after the other, each wait would include the ones before it): when each first
    // has a consumer for Lea and then plays her tone (each check listens for 1.5 s of it).
    const heard = await Promise.all(
      everyone
        .filter((p) => p !== lea)
        .map(async (p) => {
          await eventually(
            async () => (await mediaStats(p.page)).consumers === hears(p, true),
            `${p.name} consumes Lea`,
            15_000,
          );
          const consumed = Date.now() - given;
          // Lea's tone among what they play: one more track carrying it than the seated people's alone.
          await eventually(
            async () => (await tonesHeard(p.page)) >= hears(p, true),
            `${p.name} hears Lea`,
            15_000,
          );
          return `${p.name} ${consumed} / ${Date.now() - given} ms`;
        }),
    );
    console.log(`[measure] word given to listener Lea -> consumed / tone heard by ${heard.join(', ')}`);
    expect((await mediaStats(lea!.page)).producers).toBe(1);

    await button(lea!.page, "I'm done").click();
    await waitHolder([fran.page, lea!.page], null);
    await eventually(async () => (await mediaStats(lea!.page)).producers === 0, 'Lea stops sending', 10_000);
    for (const p of everyone)
      await eventually(
        async () => (await mediaStats(p.page)).consumers === hears(p, false),
        `${p.name} drops Lea`,
        10_000,
      );

    // One media session all along: no new media:join, and a consumer asked only for Lea's new microphone.
    for (const [p, n] of wire) {
      expect(n.join, `${p.name} joined media once`).toBe(1);
      expect(n.consume - before.get(p)!.consume, `${p.name}'s new consumers`).toBe(p === lea ? 0 : 1);
    }
    // Lea kept receiving through the same transport: its byte counter never went back to zero.
    expect((await mediaStats(lea!.page)).inboundAudioBytes).toBeGreaterThan(bytesBefore);
  });
});
