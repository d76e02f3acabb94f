import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CircleSocket } from '../socket';

// Fakes of the browser's WebRTC side (mediasoup-client) and of the socket: what is checked is which
// requests the session makes and which producers it keeps while canPublish turns on and off.
const sent: { event: string; payload: unknown }[] = [];
const live = { producers: 0 };
/** While set, the server's answer to a consumer pause waits for it. */
const slow: { pause: Promise<void> | null } = { pause: null };
/** The codes the next consume requests fail with, in turn (then they succeed). */
const failing: { consume: string[] } = { consume: [] };

vi.mock('../socket', async () => {
  const { CallError } = await import('../errors');
  return {
    call: (_socket: unknown, event: string, payload: { direction?: string }) => {
      sent.push({ event, payload });
      const code = event === 'media:consume' ? failing.consume.shift() : undefined;
      if (code) return Promise.reject(new CallError(code as never));
      if (event === 'media:join') return Promise.resolve({ routerRtpCapabilities: {} });
      if (event === 'media:transport') return Promise.resolve({ id: `t-${payload.direction}` });
      if (event === 'media:consume') {
        const producerId = (payload as unknown as { producerId: string }).producerId;
        // Producer "cam-X" is X's camera.
        return Promise.resolve({
          consumerId: `c-${producerId}`,
          producerId,
          kind: 'video',
          pid: producerId.slice(4),
          source: 'camera',
        });
      }
      if (event === 'media:consumerPause' && slow.pause) return slow.pause.then(() => null);
      return Promise.resolve(null);
    },
  };
});

vi.mock('../e2ee/frames/FrameCrypto', () => ({ FrameCrypto: class {}, frameTransformSupport: () => null }));

vi.mock('mediasoup-client', () => {
  const transport = (id: string) => ({
    id,
    on: () => undefined,
    close: () => undefined,
    produce: async ({ track }: { track: { stop(): void } }) => {
      live.producers++;
      let open = true;
      return {
        id: `p${live.producers}`,
        track,
        pause: () => undefined,
        close: () => {
          if (open) live.producers--;
          open = false;
        },
      };
    },
    consume: async (o: { id: string; producerId: string; kind: string }) => ({
      ...o,
      paused: false,
      track: {},
      pause() {
        this.paused = true;
      },
      resume() {
        this.paused = false;
      },
      close: () => undefined,
    }),
  });
  class Device {
    rtpCapabilities = { codecs: [] };
    load = async () => undefined;
    createSendTransport = (p: { id: string }) => transport(p.id);
    createRecvTransport = (p: { id: string }) => transport(p.id);
  }
  return { Device };
});

const { MediaSession } = await import('./MediaSession');

const count = (event: string, direction?: string) =>
  sent.filter(
    (s) => s.event === event && (!direction || (s.payload as { direction?: string }).direction === direction),
  ).length;

describe('MediaSession.setCanPublish: a listener given the word, then the word moving on', () => {
  beforeEach(() => {
    sent.length = 0;
    live.producers = 0;
    const track = { stop: () => undefined };
    vi.stubGlobal('navigator', {
      mediaDevices: {
        getUserMedia: async () => ({ getAudioTracks: () => [track], getVideoTracks: () => [track] }),
      },
    });
  });

  const listenerSession = () => session({ micOn: true, cameraOn: false }, false);

  it('starts and stops sending in the one session: one join, one receive and one send transport', async () => {
    const s = listenerSession();
    await s.start();
    expect(count('media:transport', 'send')).toBe(0);
    expect(live.producers).toBe(0);

    await s.setCanPublish(true);
    expect(live.producers).toBe(1);
    await s.setCanPublish(false);
    expect(live.producers).toBe(0);
    expect(count('media:close')).toBe(1);
    await s.setCanPublish(true);
    expect(live.producers).toBe(1);

    expect(count('media:join')).toBe(1);
    expect(count('media:transport', 'recv')).toBe(1);
    expect(count('media:transport', 'send')).toBe(1);
  });

  it('takes quick changes one at a time: on, off, on leaves exactly one microphone', async () => {
    const s = listenerSession();
    await s.start();
    void s.setCanPublish(true);
    void s.setCanPublish(false);
    await s.setCanPublish(true);
    expect(live.producers).toBe(1);
  });

  it('waits for start when the word comes before the session is ready, then sends', async () => {
    const s = listenerSession();
    const started = s.start();
    await s.setCanPublish(true);
    await started;
    expect(live.producers).toBe(1);
    expect(count('media:transport', 'send')).toBe(1);
  });

  it('makes one camera when two asks come at once (the word given while the camera is turned on)', async () => {
    const s = session({ micOn: true, cameraOn: true }, true);
    await s.start();
    expect(live.producers).toBe(2); // microphone and camera
    await s.setCamera(false);
    await Promise.all([s.setCamera(true), s.setCamera(true)]);
    expect(live.producers).toBe(2);
  });

  it('a session closed while its microphone was being made leaves nothing sending', async () => {
    let grant = () => undefined as void;
    const track = { stop: () => undefined };
    vi.stubGlobal('navigator', {
      mediaDevices: {
        // The browser asks for the microphone; the session is closed before the answer.
        getUserMedia: () =>
          new Promise((resolve) => {
            grant = () => resolve({ getAudioTracks: () => [track], getVideoTracks: () => [track] });
          }),
      },
    });
    const s = listenerSession();
    await s.start();
    const word = s.setCanPublish(true);
    await vi.waitFor(() => expect(count('media:transport', 'send')).toBe(1));
    await new Promise((r) => setTimeout(r, 0));
    s.close();
    grant();
    await word;
    expect(live.producers).toBe(0);
  });
});

/** A session on a socket the tests stand in for, with the given device wishes and permission to send. */
function session(prefs: { micOn: boolean; cameraOn: boolean }, canPublish: boolean) {
  return new MediaSession(
    {} as CircleSocket,
    prefs,
    canPublish,
    () => undefined,
    () => undefined,
  );
}

/** A started session of someone who only receives, with the requests sent so far forgotten. */
async function receivingSession() {
  sent.length = 0;
  const s = session({ micOn: false, cameraOn: false }, false);
  await s.start();
  return s;
}

describe('MediaSession.showVideoOf: which cameras run', () => {
  const lastRequest = (consumerId: string) =>
    sent
      .filter(
        (s) =>
          s.event.startsWith('media:consumer') &&
          (s.payload as { consumerId: string }).consumerId === consumerId,
      )
      .at(-1)?.event;

  /** A session receiving Fran's and Ben's cameras, both running. */
  async function twoCameras() {
    const s = await receivingSession();
    const tracks = ['fran', 'ben'].map((pid) => ({
      producerId: `cam-${pid}`,
      pid,
      source: 'camera',
      kind: 'video',
    }));
    await s.follow({ tracks } as never, 'ana');
    return s;
  }

  it('leaves every shown camera running when a newer picture comes while an older one is applied', async () => {
    const s = await twoCameras();
    // An older picture (no camera shown) is being applied, its first pause waiting on the server…
    let answer = () => undefined as void;
    slow.pause = new Promise((r) => (answer = r));
    const older = s.showVideoOf(new Set());
    // …when the newer one (both shown) comes.
    const newer = s.showVideoOf(new Set(['fran', 'ben']));
    slow.pause = null;
    answer();
    await Promise.all([older, newer]);
    expect(lastRequest('c-cam-fran')).toBe('media:consumerResume');
    expect(lastRequest('c-cam-ben')).toBe('media:consumerResume');
  });

  it('applies a second wish made in the same moment as a first that changed nothing', async () => {
    const s = await twoCameras();
    const first = s.showVideoOf(new Set(['fran', 'ben']));
    const second = s.showVideoOf(new Set(['fran']));
    await Promise.all([first, second]);
    expect(lastRequest('c-cam-ben')).toBe('media:consumerPause');
    expect(lastRequest('c-cam-fran')).toBe('media:consumerResume');
  });
});

describe('MediaSession.follow: a track whose consume failed', () => {
  const fran = { tracks: [{ producerId: 'cam-fran', pid: 'fran', source: 'camera', kind: 'video' }] };

  it('is tried again after a passing failure (no answer, a busy server) until it runs', async () => {
    const s = await receivingSession();
    vi.useFakeTimers();
    try {
      failing.consume = ['TIMEOUT', 'UNAVAILABLE'];
      await s.follow(fran as never, 'ana');
      expect(count('media:consume')).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(count('media:consume')).toBe(2);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(count('media:consume')).toBe(3);
      expect(count('media:consumerResume')).toBe(1);
      // Running: nothing more is asked.
      await vi.advanceTimersByTimeAsync(30_000);
      expect(count('media:consume')).toBe(3);
    } finally {
      vi.useRealTimers();
      s.close();
    }
  });

  it('is left for the next picture when it is gone or refused', async () => {
    const s = await receivingSession();
    vi.useFakeTimers();
    try {
      failing.consume = ['NOT_FOUND'];
      await s.follow(fran as never, 'ana');
      await vi.advanceTimersByTimeAsync(30_000);
      expect(count('media:consume')).toBe(1);
    } finally {
      vi.useRealTimers();
      s.close();
    }
  });
});
