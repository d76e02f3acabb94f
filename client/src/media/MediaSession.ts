import { Device } from 'mediasoup-client';
import type { types } from 'mediasoup-client';
import type { ConsumerOptions, MediaSource, MediaView, TransportOptions } from '@circle/shared';
import { call } from '../socket';
import { CallError, type CallErrorCode } from '../errors';
import type { CircleSocket } from '../socket';
import type { VideoCounters } from './connectionQuality';
import type { MediaKeyStore } from '../e2ee/mediaKey';
import { FrameCrypto, frameTransformSupport } from '../e2ee/frames/FrameCrypto';

export interface MediaPrefs {
  micId?: string;
  cameraId?: string;
  micOn: boolean;
  cameraOn: boolean;
}

export interface RemoteTracks {
  audio?: MediaStreamTrack;
  video?: MediaStreamTrack;
  /** Their shared screen, which takes the middle of the ring for everyone. */
  screen?: MediaStreamTrack;
}

export interface SessionSnapshot {
  remote: Map<string, RemoteTracks>;
  localVideo: MediaStreamTrack | null;
  localScreen: MediaStreamTrack | null;
  micOn: boolean;
  cameraOn: boolean;
  publishing: boolean;
  failed: boolean;
}

/** End-to-end encrypted media: the meeting keys, and our pid (with a source it names our tracks' keys). */
export interface SessionE2ee {
  keys: MediaKeyStore;
  pid: string;
}

const CAMERA_LAYERS = [
  { scaleResolutionDownBy: 2, maxBitrate: 150_000 },
  { scaleResolutionDownBy: 1, maxBitrate: 600_000 },
];

/**
 * A track whose consume failed for a passing reason (no answer in time, a busy or restarting server) is
 * tried again after these delays (the last one repeating) while it is still in the picture: otherwise
 * nobody would hear or see that person until something else in the room's media changed.
 */
const CONSUME_RETRY_MS = [1_000, 2_000, 5_000];
const PASSING: ReadonlySet<CallErrorCode> = new Set(['TIMEOUT', 'INTERNAL', 'UNAVAILABLE', 'RATE_LIMITED']);

function newDevice(): Device {
  try {
    return new Device();
  } catch {
    // Headless Chromium's user agent is not recognised; it is still Chrome underneath.
    return new Device({ handlerName: 'Chrome111' }); // i18n-exempt: mediasoup's handler name
  }
}

/**
 * One connection's media: a mediasoup-client Device, a send and a receive transport, our microphone and
 * camera producers, and a consumer per published track of the others. Disposable: after a reconnect or
 * a server-side restart the owner throws it away and starts a new one.
 */
export class MediaSession {
  private device = newDevice();
  private send?: types.Transport;
  private recv?: types.Transport;
  private readonly producers = new Map<MediaSource, types.Producer>();
  private readonly consumers = new Map<
    string,
    { consumer: types.Consumer; pid: string; source: MediaSource }
  >();
  private readonly pending = new Set<string>();
  /** The last picture followed, and the timer that follows it again after a passing failure. */
  private view: { view: MediaView; myPid: string } | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  /** The people whose cameras are shown (showVideoOf), and the pass applying it to the consumers. */
  private videoWanted = new Set<string>();
  private videoDirty = false;
  private videoPass = false;
  private showing: Promise<void> = Promise.resolve();
  private readonly publishing = new Map<MediaSource, Promise<void>>();
  private closed = false;
  private micOn: boolean;
  private cameraOn: boolean;
  private failed = false;
  /** start() has loaded the device: from then on a change of canPublish acts at once. */
  private started = false;
  /** Publishing turns on and off one change at a time, so a quick on/off/on never leaves a stray producer. */
  private turns: Promise<void> = Promise.resolve();
  /** Encrypts our frames and decrypts theirs when the group's media is end-to-end encrypted. */
  private readonly crypto: FrameCrypto | null = null;
  /** Encryption is on but this browser cannot do it: neither send nor receive (never clear media). */
  private readonly unable: boolean = false;

  constructor(
    private readonly socket: CircleSocket,
    private readonly prefs: MediaPrefs,
    /** A listener may be heard only while holding the word: this follows it (setCanPublish). */
    private canPublish: boolean,
    private readonly onChange: (s: SessionSnapshot) => void,
    /** The transport failed (network change): the owner restarts the session. */
    private readonly onFailure: () => void,
    private readonly e2ee?: SessionE2ee | null,
  ) {
    this.micOn = prefs.micOn;
    this.cameraOn = prefs.cameraOn;
    if (e2ee) {
      const support = frameTransformSupport();
      if (support) this.crypto = new FrameCrypto(e2ee.keys, support);
      else this.unable = true;
    }
  }

  async start(): Promise<void> {
    const { routerRtpCapabilities } = await call(this.socket, 'media:join', {});
    await this.device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
    if (this.unable) return this.emit();
    this.recv = await this.transport('recv');
    this.started = true;
    await this.setCanPublish(this.canPublish);
  }

  /**
   * Starts or stops sending in the running session (a listener given the word, then the word moving on),
   * without touching what we receive: rebuilding the session would cut everyone's audio on this device.
   */
  setCanPublish(on: boolean): Promise<void> {
    this.canPublish = on;
    const turn = this.turns.then(() => this.followCanPublish());
    this.turns = turn.catch(() => undefined);
    return turn;
  }

  private async followCanPublish() {
    if (!this.started || this.closed || this.unable) return;
    if (this.canPublish) {
      this.send ??= await this.transport('send');
      await this.publish('mic');
      if (this.cameraOn) await this.publish('camera').catch(() => (this.cameraOn = false));
    } else {
      // The server closes a listener's producers itself when the word moves on; closing twice is harmless.
      for (const [source, producer] of this.producers) {
        producer.track?.stop();
        producer.close();
        await call(this.socket, 'media:close', { source }).catch(() => undefined);
      }
      this.producers.clear();
    }
    this.emit();
  }

  /** Consumes what is new in the room's media picture, drops what is gone. */
  async follow(view: MediaView, myPid: string): Promise<void> {
    if (!this.recv || this.closed) return;
    this.view = { view, myPid };
    const live = new Set(view.tracks.map((t) => t.producerId));
    for (const [id, { consumer }] of this.consumers) {
      if (!live.has(consumer.producerId)) {
        consumer.close();
        this.consumers.delete(id);
      }
    }
    // Our screen stopped on the server (a facilitator took the permission back): stop capturing it too.
    const screen = this.producers.get('screen');
    if (screen && !live.has(screen.id)) this.stopScreen();
    const have = new Set([...this.consumers.values()].map((c) => c.consumer.producerId));
    for (const track of view.tracks) {
      if (track.pid === myPid || have.has(track.producerId) || this.pending.has(track.producerId)) continue;
      this.pending.add(track.producerId);
      try {
        const opts: ConsumerOptions = await call(this.socket, 'media:consume', {
          producerId: track.producerId,
          rtpCapabilities: this.device.rtpCapabilities as never,
        });
        if (this.closed) return;
        const consumer = await this.recv.consume({
          id: opts.consumerId,
          producerId: opts.producerId,
          kind: opts.kind,
          rtpParameters: opts.rtpParameters as types.RtpParameters,
          onRtpReceiver: this.crypto?.receiver(opts.kind, `${opts.pid}/${opts.source}`),
        });
        this.consumers.set(consumer.id, { consumer, pid: opts.pid, source: opts.source });
        await call(this.socket, 'media:consumerResume', { consumerId: consumer.id }).catch((err: unknown) => {
          // Left paused on the server: dropped here, and made anew if tried again (the server then
          // replaces its consumer of that track).
          consumer.close();
          this.consumers.delete(consumer.id);
          throw err;
        });
        this.retries = 0;
      } catch (err) {
        // The track may have gone meanwhile (the next picture tells); a passing failure is tried again.
        if (err instanceof CallError && PASSING.has(err.code)) this.followAgain();
      } finally {
        this.pending.delete(track.producerId);
      }
    }
    this.emit();
  }

  private followAgain() {
    if (this.retry || this.closed) return;
    const delay = CONSUME_RETRY_MS[Math.min(this.retries++, CONSUME_RETRY_MS.length - 1)];
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.view) void this.follow(this.view.view, this.view.myPid);
    }, delay);
  }

  /** The server closed one of our consumers (its producer went, or we were cut off): drop it here too. */
  consumerClosed(consumerId: string) {
    const entry = this.consumers.get(consumerId);
    if (!entry) return;
    entry.consumer.close();
    this.consumers.delete(consumerId);
    this.emit();
  }

  async setMic(on: boolean) {
    const producer = this.producers.get('mic');
    if (!producer) return;
    await call(this.socket, on ? 'media:resume' : 'media:pause', { source: 'mic' });
    if (on) producer.resume();
    else producer.pause();
    this.micOn = on;
    this.emit();
  }

  async setCamera(on: boolean) {
    if (on) {
      this.cameraOn = true;
      await this.publish('camera');
    } else {
      this.cameraOn = false;
      const producer = this.producers.get('camera');
      this.producers.delete('camera');
      producer?.track?.stop();
      producer?.close();
      await call(this.socket, 'media:close', { source: 'camera' });
    }
    this.emit();
  }

  /** Shares a screen (or a window, a tab) chosen in the browser's picker; stopping it there stops it here. */
  async setScreen(on: boolean) {
    if (!on) {
      this.stopScreen();
      await call(this.socket, 'media:close', { source: 'screen' });
      return;
    }
    if (!this.send || this.producers.has('screen')) return;
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 15 }, audio: false });
    const track = stream.getVideoTracks()[0];
    if (!track) return;
    track.addEventListener('ended', () => void this.setScreen(false).catch(() => undefined));
    try {
      const producer = await this.send.produce({
        track,
        appData: { source: 'screen' },
        stopTracks: true,
        ...this.encrypted('video', 'screen'),
      });
      this.producers.set('screen', producer);
    } catch (err) {
      track.stop();
      throw err;
    }
    this.emit();
  }

  private stopScreen() {
    const producer = this.producers.get('screen');
    if (!producer) return;
    this.producers.delete('screen');
    producer.track?.stop();
    producer.close();
    this.emit();
  }

  /**
   * Video we do not show costs bandwidth and SFU work for nothing: its consumer is paused on the server.
   * One pass at a time, each decision taken from the latest wish: two passes side by side (a new camera's
   * picture while an older one is still being applied) let the older pass pause a consumer the newer one
   * had just left running, and nothing would resume it.
   */
  showVideoOf(pids: Set<string>): Promise<void> {
    this.videoWanted = pids;
    this.videoDirty = true;
    if (!this.videoPass) this.showing = this.applyShown();
    return this.showing;
  }

  private async applyShown() {
    // Set and cleared synchronously (at the start, and as the loop ends): a wish made at any moment
    // either finds the pass still going round or starts the next one.
    this.videoPass = true;
    try {
      while (this.videoDirty && !this.closed) {
        this.videoDirty = false;
        for (const [id, { consumer, pid, source }] of [...this.consumers]) {
          // A shared screen is for everyone: it stays on.
          if (consumer.kind !== 'video' || source === 'screen' || !this.consumers.has(id)) continue;
          const shown = this.videoWanted.has(pid);
          if (shown === !consumer.paused) continue;
          if (shown) consumer.resume();
          else consumer.pause();
          await call(this.socket, shown ? 'media:consumerResume' : 'media:consumerPause', {
            consumerId: consumer.id,
          }).catch(() => undefined);
        }
      }
    } finally {
      this.videoPass = false;
    }
  }

  /** Byte counters for diagnostics and the end-to-end tests. */
  async stats() {
    const sum = async (
      t: types.Transport | undefined,
      type: string,
      field: 'bytesReceived' | 'bytesSent',
      kind: 'audio' | 'video' = 'audio',
    ) => {
      let total = 0;
      if (!t) return total;
      (await t.getStats()).forEach((s: { type: string; kind?: string; [k: string]: unknown }) => {
        if (s.type === type && s.kind === kind) total += Number(s[field] ?? 0);
      });
      return total;
    };
    return {
      inboundAudioBytes: await sum(this.recv, 'inbound-rtp', 'bytesReceived'),
      outboundAudioBytes: await sum(this.send, 'outbound-rtp', 'bytesSent'),
      inboundVideoBytes: await sum(this.recv, 'inbound-rtp', 'bytesReceived', 'video'),
      consumers: this.consumers.size,
      consumedProducers: [...this.consumers.values()].map((c) => c.consumer.producerId),
      producers: this.producers.size,
      frames: (await this.crypto?.stats()) ?? null,
      // What tells apart where a camera that never shows stalls: no keyframe, frames not decoded, no PLI.
      // mediasoup's bandwidth probe is a video stream too (mid "probator"): padding only, no frames.
      videoIn: await videoRtp(this.recv, 'inbound-rtp', [
        'mid',
        'packetsReceived',
        'packetsLost',
        'nackCount',
        'pliCount',
        'firCount',
        'framesReceived',
        'keyFramesDecoded',
        'framesDecoded',
        'framesDropped',
      ]),
      videoOut: await videoRtp(this.send, 'outbound-rtp', [
        'packetsSent',
        'nackCount',
        'pliCount',
        'firCount',
        'framesEncoded',
        'keyFramesEncoded',
      ]),
    };
  }

  /** The meeting keys now come from this store (the key manager is made after the session starts). */
  followKeys(keys: MediaKeyStore) {
    this.crypto?.follow(keys);
  }

  /**
   * In a side room: our tracks are sealed with the key we share with `peer` alone, and theirs opened with
   * it; null: back to the meeting key.
   */
  setPair(pair: { peer: string; key: CryptoKey } | null) {
    if (this.e2ee) this.crypto?.pair(pair && { me: this.e2ee.pid, ...pair });
  }

  /** Test hook: our receivers pass frames on unopened, as anyone without the key would get them. */
  bypassDecryption(on: boolean) {
    this.crypto?.bypass(on);
  }

  /** Inbound video counters, for judging the connection (connectionQuality.ts). */
  async videoCounters(): Promise<VideoCounters> {
    const c = { packetsReceived: 0, packetsLost: 0, bytesReceived: 0 };
    if (!this.recv) return c;
    (await this.recv.getStats()).forEach((s: { type: string; kind?: string; [k: string]: unknown }) => {
      if (s.type !== 'inbound-rtp' || s.kind !== 'video') return;
      c.packetsReceived += Number(s.packetsReceived ?? 0);
      c.packetsLost += Math.max(0, Number(s.packetsLost ?? 0));
      c.bytesReceived += Number(s.bytesReceived ?? 0);
    });
    return c;
  }

  close() {
    this.closed = true;
    clearTimeout(this.retry);
    for (const p of this.producers.values()) {
      p.track?.stop();
      p.close();
    }
    this.send?.close();
    this.recv?.close();
    this.crypto?.close();
  }

  private async transport(direction: 'send' | 'recv'): Promise<types.Transport> {
    const opts: TransportOptions = await call(this.socket, 'media:transport', { direction });
    const params = {
      id: opts.id,
      iceParameters: opts.iceParameters as types.IceParameters,
      iceCandidates: opts.iceCandidates as types.IceCandidate[],
      dtlsParameters: opts.dtlsParameters as types.DtlsParameters,
      iceServers: opts.iceServers as RTCIceServer[],
      additionalSettings: this.crypto?.transportSettings,
    };
    const t =
      direction === 'send'
        ? this.device.createSendTransport(params)
        : this.device.createRecvTransport(params);
    t.on('connect', ({ dtlsParameters }, done, fail) => {
      call(this.socket, 'media:connect', { transportId: t.id, dtlsParameters: dtlsParameters as never }).then(
        () => done(),
        fail,
      );
    });
    t.on('produce', ({ kind, rtpParameters, appData }, done, fail) => {
      call(this.socket, 'media:produce', {
        transportId: t.id,
        kind,
        source: appData.source as MediaSource,
        rtpParameters: rtpParameters as never,
        paused: appData.paused === true,
      }).then(({ producerId }) => done({ id: producerId }), fail);
    });
    t.on('connectionstatechange', (state) => {
      if (state === 'failed' && !this.closed) {
        this.failed = true;
        this.emit();
        this.onFailure();
      }
    });
    return t;
  }

  /**
   * One producer per source even when two paths ask at once (the word given while the camera is turned
   * on, a start and a change of canPublish): a second ask waits for the first instead of producing again.
   */
  private publish(source: MediaSource): Promise<void> {
    const running = this.publishing.get(source);
    if (running) return running;
    const made = this.produce(source).finally(() => this.publishing.delete(source));
    this.publishing.set(source, made);
    return made;
  }

  private async produce(source: MediaSource) {
    if (!this.send || this.producers.has(source)) return;
    const constraints: MediaStreamConstraints =
      source === 'mic'
        ? { audio: this.prefs.micId ? { deviceId: { exact: this.prefs.micId } } : true }
        : {
            video: this.prefs.cameraId
              ? { deviceId: { exact: this.prefs.cameraId } }
              : { width: 640, height: 360 },
          };
    const stream = await navigator.mediaDevices.getUserMedia(constraints);
    const track = source === 'mic' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
    if (!track) return;
    const paused = source === 'mic' && !this.micOn;
    const producer = await this.send.produce({
      track,
      appData: { source, paused },
      stopTracks: true,
      // Simulcast: a small layer and a full one. The SFU forwards to each receiver the layer its bandwidth
      // carries, so a phone on a weak connection gets the small one instead of stalling everyone's video.
      ...(source === 'camera' ? { encodings: CAMERA_LAYERS } : {}),
      ...this.encrypted(source === 'mic' ? 'audio' : 'video', source),
    });
    if (paused) producer.pause();
    // Closed meanwhile (a restart, leaving): nothing of this session may go on sending.
    if (this.closed) {
      producer.close();
      return;
    }
    this.producers.set(source, producer);
  }

  /**
   * Produce options that encrypt a track's frames. Video is VP8: its first bytes, left clear for the SFU,
   * are known; an H264 packetizer would need to parse what is encrypted.
   */
  private encrypted(kind: 'audio' | 'video', source: MediaSource): Partial<types.ProducerOptions> {
    if (!this.crypto || !this.e2ee) return {};
    const vp8 = this.device.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === 'video/vp8');
    return {
      onRtpSender: this.crypto.sender(kind, `${this.e2ee.pid}/${source}`),
      ...(kind === 'video' && vp8 ? { codec: vp8 } : {}),
    };
  }

  private emit() {
    const remote = new Map<string, RemoteTracks>();
    for (const { consumer, pid, source } of this.consumers.values()) {
      const entry = remote.get(pid) ?? {};
      entry[source === 'screen' ? 'screen' : (consumer.kind as 'audio' | 'video')] = consumer.track;
      remote.set(pid, entry);
    }
    this.onChange({
      remote,
      localVideo: this.producers.get('camera')?.track ?? null,
      localScreen: this.producers.get('screen')?.track ?? null,
      micOn: this.micOn,
      cameraOn: this.cameraOn,
      publishing: this.producers.size > 0,
      failed: this.failed,
    });
  }
}

/** The named counters of each video RTP stream of one type on a transport (WebRTC stats). */
async function videoRtp(t: types.Transport | undefined, type: string, fields: string[]) {
  const out: Record<string, unknown>[] = [];
  (await t?.getStats())?.forEach((s: { type: string; kind?: string; [k: string]: unknown }) => {
    if (s.type === type && s.kind === 'video') out.push(Object.fromEntries(fields.map((f) => [f, s[f]])));
  });
  return out;
}
