import { describe, expect, it } from 'vitest';
import { inboundGrowth, mediaStats, workerPids } from '../support/media.js';
import { browserAndServer } from '../support/fixture.js';
import { bypassDecryption, frameStats, listeningArgs, tonesHeard, tonesRecognised } from '../support/tone.js';
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

/** The encryption epoch the page holds (the keys helper's test hook), or null. */
const epoch = (p: Person) =>
  p.page.evaluate(
    () =>
      (window as unknown as { __circleE2ee?: { current(): number | null } }).__circleE2ee?.current() ?? null,
  );

/** Someone's share of the talk time, in percent, as the facilitators' fairness view shows it. */
async function shareOf(page: Person['page'], name: string): Promise<number> {
  const row = page
    .getByRole('list', { name: 'Share of talk time' })
    .getByRole('listitem')
    .filter({ hasText: name });
  const text = (await row.locator('.talk-value').textContent({ timeout: 2_000 })) ?? '';
  return Number(/(\d+)\s*%/.exec(text)?.[1] ?? NaN);
}

/** Video frames the page's remote video elements have shown so far. */
const videoFrames = (page: Person['page']) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('video'))
      .filter((v) => v.srcObject instanceof MediaStream)
      .reduce((n, v) => n + v.getVideoPlaybackQuality().totalVideoFrames, 0),
  );

/**
 * Where a camera that never shows stalled: the sender's producers and frames sealed, the receiver's consumers,
 * video bytes and frames opened or dropped, both sides' video RTP counters (keyframes, PLIs, frames decoded)
 * and each video element's state. Thrown by a waiting check, so a timeout says it.
 */
async function videoStall(sender: Person, receiver: Person): Promise<Error> {
  const elements = await receiver.page.evaluate(() =>
    Array.from(document.querySelectorAll('video')).map((v) => {
      const t = v.srcObject instanceof MediaStream ? v.srcObject.getVideoTracks()[0] : undefined;
      return `${v.getAttribute('aria-label')}: ready ${v.readyState}, paused ${v.paused}, track ${t?.readyState}/${t?.muted ? 'muted' : 'unmuted'}`;
    }),
  );
  const out = await mediaStats(sender.page);
  const into = await mediaStats(receiver.page);
  const frames = await frameStats(receiver.page);
  const sent = await frameStats(sender.page);
  return new Error(
    `${sender.name} produces ${out.producers}, frames sealed ${JSON.stringify(sent?.send)}, video out ${JSON.stringify(out.videoOut)}; ` +
      `${receiver.name} consumes ${into.consumers}, ${into.inboundVideoBytes} video bytes in, frames ${JSON.stringify(frames?.recv)}, video in ${JSON.stringify(into.videoIn)}; ` +
      `videos [${elements.join('; ')}]`,
  );
}

/** Inbound video bytes during a second. */
async function inboundVideoGrowth(page: Person['page']): Promise<number> {
  const a = await mediaStats(page);
  await new Promise((r) => setTimeout(r, 1_000));
  return (await mediaStats(page)).inboundVideoBytes - a.inboundVideoBytes;
}

describe('end-to-end encrypted audio, in real Chromium with a fake microphone playing a tone', () => {
  // One mediasoup worker; Chromium with a fake microphone playing a tone, and audio output it can measure.
  const media = browserAndServer({ MEDIASOUP_WORKERS: '1', CIRCLE_MEDIA_PORT: '0' }, listeningArgs());
  let fran: Person, ana: Person, ben: Person;
  const everyone = () => [fran, ana, ben];

  it('lets three people hear each other through encrypted frames, and measures Join to first decrypted audio', async () => {
    fran = await person(media.browser, 'Fran', media.server.url);
    const links = await createGroup(fran.page, 'Thursday circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    ana = await person(media.browser, 'Ana', links.member);
    await join(ana);
    ben = await person(media.browser, 'Ben', links.member);
    await ben.page.getByLabel('Your name').fill('Ben');
    await ben.page.getByLabel('I accept the confidentiality declaration').check();
    await ben.page.getByLabel('Join with my microphone muted').setChecked(false);
    const clicked = Date.now();
    await button(ben.page, 'Join').click();
    // When Ben's browser first gets audio bytes, then the meeting key, then opens an audio frame.
    const at: { bytes?: number; key?: number } = {};
    await eventually(
      async () => {
        const bytes = await mediaStats(ben.page).then(
          (s) => s.inboundAudioBytes,
          () => 0,
        );
        if (bytes > 0) at.bytes ??= Date.now();
        if ((await epoch(ben)) !== null) at.key ??= Date.now();
        return !!at.bytes && !!(await frameStats(ben.page))?.firstAudioAt;
      },
      'Ben opens an audio frame',
      15_000,
    );
    const first = (await frameStats(ben.page))!.firstAudioAt!;
    console.log(
      `[measure] Join click to: first audio bytes ${at.bytes! - clicked} ms, media key ${at.key! - clicked} ms, first decrypted audio frame ${first - clicked} ms`,
    );

    for (const p of everyone()) {
      await seat(p.page, 'Ben').waitFor();
      await eventually(
        async () => (await mediaStats(p.page)).consumers === 2,
        `${p.name} consumes two`,
        15_000,
      );
      expect(await epoch(p), `${p.name} holds a media key`).not.toBeNull();
    }
    for (const p of everyone()) {
      await eventually(async () => (await tonesHeard(p.page)) === 2, `${p.name} hears both tones`, 15_000);
      const s = (await frameStats(p.page))!;
      expect(s.send.frames).toBeGreaterThan(0);
      expect(s.recv.frames).toBeGreaterThan(0);
    }
  });

  it('gives a receiver that does not decrypt packets but no recognisable audio', async () => {
    await bypassDecryption(ben.page, true);
    try {
      // Not tonesHeard: Opus decoding ciphertext makes noise whose power, summed over a window, stood 20 dB
      // or more above the rest at 1 kHz in 4 of 348 readings here (a track over a window), and once in CI;
      // a loud snapshot does it. The opened tone stands out in 63-73% of the 50 ms snapshots, that noise in
      // 0-13% (118 readings).
      await eventually(
        async () => (await tonesRecognised(ben.page)) === 0,
        'the tones are gone for Ben',
        10_000,
      );
      expect(await inboundGrowth(ben.page)).toBeGreaterThan(1_000);
      expect(await tonesRecognised(ben.page)).toBe(0);
    } finally {
      // Ben decrypts again even when this fails, so the tests after it still measure what they say.
      await bypassDecryption(ben.page, false);
    }
    // The measurement itself can tell: decrypting again brings both tones back.
    await eventually(
      async () => (await tonesRecognised(ben.page)) === 2,
      'Ben hears both tones again',
      10_000,
    );
  });

  it('measures the cost of encryption per frame in the browser', async () => {
    const a = (await frameStats(ana.page))!;
    await new Promise((r) => setTimeout(r, 3_000));
    const b = (await frameStats(ana.page))!;
    for (const side of ['send', 'recv'] as const) {
      const frames = b[side].frames - a[side].frames;
      const ms = b[side].ms - a[side].ms;
      console.log(
        `[measure] Ana ${side}: ${(frames / 3).toFixed(0)} frames/s, ${(ms / Math.max(frames, 1)).toFixed(3)} ms a frame in WebCrypto (wall time, waits included), ${((ms / 3_000) * 100).toFixed(2)}% of the time`,
      );
    }
  });

  it('still counts talk time for the one who speaks', async () => {
    for (const p of [fran, ben]) await button(p.page, 'Mute microphone').click();
    await consoleTab(fran.page, 'Tools');
    await eventually(async () => (await shareOf(fran.page, 'Ana')) > 0, "Ana's talk time shown", 15_000);
    const before = await shareOf(fran.page, 'Ana');
    await eventually(
      async () => (await shareOf(fran.page, 'Ana')) >= before + 5,
      "Ana's share of the talk time grows while she alone speaks",
      20_000,
    );
    for (const p of [fran, ben]) await button(p.page, 'Unmute microphone').click();
  });

  it("decodes a camera's encrypted VP8 video (its first bytes clear for the SFU)", async () => {
    const producers = (await mediaStats(fran.page)).producers;
    await button(fran.page, 'Turn camera on').click();
    // Fran's camera is sent first: a stall is then on the way to Ana, not in Fran's browser.
    await eventually(
      async () => (await mediaStats(fran.page)).producers === producers + 1,
      "Fran's camera is sent",
      10_000,
    );
    const waiting = Date.now();
    await eventually(
      async () => {
        if ((await videoFrames(ana.page)) > 0) return true;
        // Near the deadline only: the readings are work for both pages.
        if (Date.now() - waiting > 17_000) throw await videoStall(fran, ana);
        return false;
      },
      "Ana decodes Fran's camera",
      20_000,
    );
    const before = await videoFrames(ana.page);
    await eventually(async () => (await videoFrames(ana.page)) > before + 10, 'video keeps coming', 10_000);
    expect(await inboundVideoGrowth(ana.page)).toBeGreaterThan(1_000);
    const s = (await frameStats(ana.page))!;
    // Frames that did not open would be counted here; a few may precede a rekey's key.
    expect(s.recv.dropped).toBeLessThan(s.recv.frames / 50);
    await button(fran.page, 'Turn camera off').click();
  });

  it('brings decrypted audio back after the mediasoup worker is killed', async () => {
    const workers = workerPids(media.server.pid);
    expect(workers.length).toBeGreaterThan(0);
    const killed = Date.now();
    for (const pid of workers) process.kill(pid, 'SIGKILL');
    await eventually(
      async () =>
        workerPids(media.server.pid).every((p) => !workers.includes(p)) && (await tonesHeard(ana.page)) === 2,
      'Ana hears both tones again',
      20_000,
    );
    console.log(`[measure] worker killed to both tones heard again (decrypted): ${Date.now() - killed} ms`);
  });

  it('still silences those without the word in strict circle', async () => {
    await consoleTab(fran.page, 'Floor');
    // The box follows the server's answer, not the click.
    await fran.page.getByLabel('Strict circle').click();
    await eventually(() => fran.page.getByLabel('Strict circle').isChecked(), 'strict circle on');
    // Nobody holds the word: only the facilitator is heard.
    await eventually(async () => (await tonesHeard(fran.page)) === 0, 'Fran hears no member', 10_000);
    await eventually(async () => (await tonesHeard(ana.page)) === 1, 'Ana hears Fran alone', 10_000);
    await eventually(async () => (await tonesHeard(ben.page)) === 1, 'Ben hears Fran alone', 10_000);
    await fran.page.getByLabel('Person', { exact: true }).selectOption({ label: 'Ana' });
    await button(fran.page, 'Give the word').click();
    await eventually(async () => (await tonesHeard(fran.page)) === 1, 'Fran hears Ana, not Ben', 10_000);
    await eventually(async () => (await tonesHeard(ben.page)) === 2, 'Ben hears Fran and Ana', 10_000);
    expect(await tonesHeard(ana.page)).toBe(1);
  });
});
