import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CircleSocket } from '../socket';

// Fakes of the browser's WebRTC side (mediasoup-client) and of the socket: what is checked is which
// requests the session makes and which producers it keeps while canPublish turns on and off.
const sent: { event: string; payload: unknown }[] = [];
const live = { producers: 0 };

vi.mock('../socket', () => ({
  call: (_socket: unknown, event: string, payload: { direction?: string }) => {
    sent.push({ event, payload });
    if (event === 'media:join') return Promise.resolve({ routerRtpCapabilities: {} });
    if (event === 'media:transport') return Promise.resolve({ id: `t-${payload.direction}` });
    return Promise.resolve(null);
  },
}));

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

  const listenerSession = () =>
    new MediaSession(
      {} as CircleSocket,
      { micOn: true, cameraOn: false },
      false,
      () => undefined,
      () => undefined,
    );

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
    const s = new MediaSession(
      {} as CircleSocket,
      { micOn: true, cameraOn: true },
      true,
      () => undefined,
      () => undefined,
    );
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
