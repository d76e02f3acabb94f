import { browserAndServer } from '../support/fixture.js';
import { describe, expect, it } from 'vitest';
import { inboundGrowth, mediaStats, workerPids } from '../support/media.js';
import {
  button,
  createGroup,
  eventually,
  join,
  person,
  seat,
  seatLabel,
  type Person,
} from '../support/ui.js';

const seatLabelOf = (p: Person, name: string) => seatLabel(p.page, name);

describe('audio through the SFU, in real Chromium with fake devices', () => {
  const env = browserAndServer({ MEDIASOUP_WORKERS: '1', CIRCLE_MEDIA_PORT: '0' });
  let fran: Person, ana: Person, ben: Person, obi: Person;
  let links: Awaited<ReturnType<typeof createGroup>>;

  it('lets three participants hear each other, and measures Join to first audio', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    links = await createGroup(fran.page, 'Wednesday circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    ana = await person(env.browser, 'Ana', links.member);
    await join(ana);
    ben = await person(env.browser, 'Ben', links.member);
    await ben.page.getByLabel('Your name').fill('Ben');
    await ben.page.getByLabel('I accept the confidentiality declaration').check();
    const clicked = Date.now();
    await button(ben.page, 'Join').click();
    await eventually(
      async () => (await mediaStats(ben.page)).inboundAudioBytes > 0,
      'Ben hears the room',
      15_000,
    );
    console.log(`[measure] Join click to first inbound audio bytes: ${Date.now() - clicked} ms`);

    for (const p of [fran, ana, ben]) {
      await eventually(
        async () => (await mediaStats(p.page)).consumers === 2,
        `${p.name} consumes the other two`,
        15_000,
      );
      expect(await inboundGrowth(p.page)).toBeGreaterThan(1_000);
    }
  });

  it('lets an observer receive but never publish', async () => {
    obi = await person(env.browser, 'Obi', links.observer);
    await join(obi);
    await seat(obi.page, 'Fran').waitFor();
    await eventually(
      async () => (await mediaStats(obi.page)).consumers === 3,
      'Obi consumes three voices',
      15_000,
    );
    expect(await inboundGrowth(obi.page)).toBeGreaterThan(1_000);
    const stats = await mediaStats(obi.page);
    expect(stats.producers).toBe(0);
    expect(stats.outboundAudioBytes).toBe(0);
    expect(await button(obi.page, 'Unmute microphone').count()).toBe(0);
    expect(await button(obi.page, 'Mute microphone').count()).toBe(0);
  });

  it('stops the bytes with Mute all, and lets them flow again on release', async () => {
    await button(fran.page, 'Mute all').click();
    await ana.page.getByText('A facilitator has muted your microphone').waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(await inboundGrowth(fran.page)).toBeLessThan(200);
    // Ana's own unmute cannot lift the hold.
    expect(await button(ana.page, 'Unmute microphone').isDisabled({ timeout: 2_000 })).toBe(true);
    await button(fran.page, 'Release all microphones').click();
    await eventually(async () => (await inboundGrowth(fran.page, 800)) > 1_000, 'voices back after release');
  });

  it('re-establishes sending and receiving within 5 s after a network drop', async () => {
    const before = new Set((await mediaStats(ben.page)).consumedProducers);
    await ana.context.setOffline(true);
    await eventually(
      async () => (await seatLabelOf(fran, 'Ana')).includes('offline'),
      'Ana seen offline',
      30_000,
    );
    await ana.context.setOffline(false);
    const online = Date.now();
    // Ana hears the others again, and the others hear Ana again (Ben's consumer of her voice is new).
    let last = -1;
    await eventually(
      async () => {
        const now = (await mediaStats(ana.page)).inboundAudioBytes;
        const growing = last > 0 && now > last;
        last = now;
        return growing;
      },
      'Ana hears the room again',
      10_000,
    );
    await eventually(
      async () => {
        const now = (await mediaStats(ben.page)).consumedProducers;
        return now.length === 2 && now.some((id) => !before.has(id));
      },
      "Ben consumes Ana's new microphone",
      10_000,
    );
    const recovered = Date.now() - online;
    console.log(`[measure] network back to audio both ways: ${recovered} ms`);
    expect(recovered).toBeLessThan(5_000);
    expect(await inboundGrowth(ben.page, 800)).toBeGreaterThan(1_000);
  });

  it('brings audio back within 5 s after the mediasoup worker is killed', async () => {
    const workers = workerPids(env.server.pid);
    expect(workers.length).toBeGreaterThan(0);
    const killed = Date.now();
    for (const pid of workers) process.kill(pid, 'SIGKILL');
    let last = -1;
    await eventually(
      async () => {
        const now = (await mediaStats(ana.page)).inboundAudioBytes;
        const growing = last > 0 && now > last;
        last = now;
        return growing && workerPids(env.server.pid).every((p) => !workers.includes(p));
      },
      'audio flowing again',
      10_000,
    );
    const recovered = Date.now() - killed;
    console.log(`[measure] worker killed to audio flowing again: ${recovered} ms`);
    expect(recovered).toBeLessThan(5_000);
  });
});
