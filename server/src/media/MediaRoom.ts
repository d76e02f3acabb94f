import type { ConsumerOptions, MediaSource, MediaView, TransportOptions } from '@circle/shared';
import type { types } from 'mediasoup';
import { AppError } from '../errors.js';
import { sideRoomOf } from '../meeting/record.js';
import type { RoomRecord } from '../room/records.js';
import type { Room } from '../room/Room.js';
import type { CircleServer } from '../socket/context.js';
import type { MediaConfig } from './config.js';

const MEDIA_CODECS: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 600 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
];

/** How often audio levels are sampled; talk time is counted in these steps. */
export const LEVEL_INTERVAL_MS = 250;
const SPEAKING_THRESHOLD_DB = -55;

interface ProducerEntry {
  producer: types.Producer;
  pid: string;
  source: MediaSource;
  socketId: string;
  selfPaused: boolean;
}

interface ConsumerEntry {
  consumer: types.Consumer;
  producerId: string;
  clientPaused: boolean;
}

interface Peer {
  pid: string;
  transports: Map<string, types.WebRtcTransport>;
  consumers: Map<string, ConsumerEntry>;
}

export interface MediaRoomDeps {
  io: CircleServer;
  config: MediaConfig;
  /** Persists what must survive a restart (holds, strict circle). */
  save: (state: { held: string[]; strict: boolean }) => Promise<void>;
  onTalk: (pid: string, ms: number, outOfTurn: boolean) => void;
  /** Other rules about who may be heard (a role-play's observers, actors at TIME OUT). */
  mayPublish: (pid: string) => boolean;
}

/**
 * The media of one meeting: a router on one worker, every connection's transports, and the rules that
 * decide what is heard. The server decides: a facilitator's hold pauses the producer itself, strict
 * circle pauses the consumers of whoever may not be heard now (so their level is still measured).
 */
export class MediaRoom {
  private router!: types.Router;
  private levels!: types.AudioLevelObserver;
  private readonly peers = new Map<string, Peer>();
  private readonly producers = new Map<string, ProducerEntry>();
  private speaking = new Set<string>();
  private chain: Promise<unknown> = Promise.resolve();
  private lastView = '';
  readonly talkMs = new Map<string, number>();

  constructor(
    readonly room: Room,
    private readonly deps: MediaRoomDeps,
    public held: Set<string>,
    public strict: boolean,
  ) {}

  get worker(): types.Worker {
    return this.router.appData.worker as types.Worker;
  }

  /** (Re)creates the router on `worker`; everything that lived on the old one is gone and clients start over. */
  async attach(worker: types.Worker) {
    this.peers.clear();
    this.producers.clear();
    this.speaking.clear();
    this.router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS, appData: { worker } });
    this.levels = await this.router.createAudioLevelObserver({
      interval: LEVEL_INTERVAL_MS,
      threshold: SPEAKING_THRESHOLD_DB,
      maxEntries: 32,
    });
    this.levels.on('volumes', (volumes) =>
      this.onVolumes(volumes.map((v) => v.producer.appData.pid as string)),
    );
    this.levels.on('silence', () => this.onVolumes([]));
  }

  /** Runs media changes one at a time, so gates never interleave. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  get rtpCapabilities() {
    return this.router.rtpCapabilities;
  }

  async createTransport(
    socketId: string,
    pid: string,
    direction: 'send' | 'recv',
  ): Promise<TransportOptions> {
    const peer = this.peer(socketId, pid);
    // One of each per connection; asking again (after an ICE failure) replaces the old one.
    for (const t of peer.transports.values()) if (t.appData.direction === direction) t.close();
    const { listenIp, announcedAddress, minPort, maxPort } = this.deps.config;
    const transport = await this.router.createWebRtcTransport({
      listenInfos: [
        { protocol: 'udp', ip: listenIp, announcedAddress, portRange: { min: minPort, max: maxPort } },
        { protocol: 'tcp', ip: listenIp, announcedAddress, portRange: { min: minPort, max: maxPort } },
      ],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 600_000,
      appData: { direction },
    });
    peer.transports.set(transport.id, transport);
    transport.observer.on('close', () => peer.transports.delete(transport.id));
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
      iceServers: this.deps.config.iceServers,
    };
  }

  transport(socketId: string, transportId: string): types.WebRtcTransport {
    const t = this.peers.get(socketId)?.transports.get(transportId);
    if (!t) throw new AppError('NOT_FOUND');
    return t;
  }

  async produce(
    socketId: string,
    pid: string,
    p: {
      transportId: string;
      kind: 'audio' | 'video';
      source: MediaSource;
      rtpParameters: unknown;
      paused?: boolean;
    },
  ): Promise<string> {
    if ((p.source === 'mic') !== (p.kind === 'audio')) throw new AppError('BAD_REQUEST');
    const transport = this.transport(socketId, p.transportId);
    if (transport.appData.direction !== 'send') throw new AppError('BAD_REQUEST');
    // One microphone and one camera per person: a new one (another tab, a reconnect) replaces the old.
    for (const e of this.producers.values()) if (e.pid === pid && e.source === p.source) e.producer.close();
    const producer = await guard(() =>
      transport.produce({
        kind: p.kind,
        rtpParameters: p.rtpParameters as types.RtpParameters,
        paused: true,
        appData: { pid, source: p.source },
      }),
    );
    this.producers.set(producer.id, {
      producer,
      pid,
      source: p.source,
      socketId,
      selfPaused: p.paused ?? false,
    });
    producer.observer.on('close', () => {
      this.producers.delete(producer.id);
      void this.run(() => this.sync());
    });
    if (p.kind === 'audio') await this.levels.addProducer({ producerId: producer.id });
    await this.sync();
    return producer.id;
  }

  async consume(
    socketId: string,
    pid: string,
    producerId: string,
    rtpCapabilities: unknown,
  ): Promise<ConsumerOptions> {
    const peer = this.peer(socketId, pid);
    const source = this.producers.get(producerId);
    if (!source) throw new AppError('NOT_FOUND');
    if (source.pid === pid) throw new AppError('CONFLICT');
    const caps = rtpCapabilities as types.RtpCapabilities;
    if (!this.router.canConsume({ producerId, rtpCapabilities: caps })) throw new AppError('BAD_REQUEST');
    const transport = [...peer.transports.values()].find((t) => t.appData.direction === 'recv');
    if (!transport) throw new AppError('CONFLICT');
    for (const c of peer.consumers.values()) if (c.producerId === producerId) c.consumer.close();
    const consumer = await guard(() =>
      transport.consume({ producerId, rtpCapabilities: caps, paused: true }),
    );
    peer.consumers.set(consumer.id, { consumer, producerId, clientPaused: true });
    consumer.observer.on('close', () => peer.consumers.delete(consumer.id));
    return {
      consumerId: consumer.id,
      producerId,
      pid: source.pid,
      source: source.source,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
    };
  }

  async setConsumerPaused(socketId: string, consumerId: string, paused: boolean) {
    const entry = this.peers.get(socketId)?.consumers.get(consumerId);
    if (!entry) throw new AppError('NOT_FOUND');
    entry.clientPaused = paused;
    await this.sync();
  }

  async setSelfPaused(pid: string, source: MediaSource, paused: boolean) {
    const own = [...this.producers.values()].filter((e) => e.pid === pid && e.source === source);
    if (own.length === 0) throw new AppError('NOT_FOUND');
    // A facilitator's hold is not the member's to lift.
    if (!paused && source === 'mic' && this.held.has(pid)) throw new AppError('FORBIDDEN');
    for (const e of own) e.selfPaused = paused;
    await this.sync();
  }

  async closeSource(pid: string, source: MediaSource) {
    for (const e of this.producers.values()) if (e.pid === pid && e.source === source) e.producer.close();
    await this.sync();
  }

  async setHeld(pids: string[], held: boolean) {
    for (const pid of pids) {
      if (held) this.held.add(pid);
      else this.held.delete(pid);
    }
    await this.deps.save({ held: [...this.held], strict: this.strict });
    await this.sync();
  }

  async setStrict(on: boolean) {
    this.strict = on;
    await this.deps.save({ held: [...this.held], strict: this.strict });
    await this.sync();
  }

  /** A connection went away: its transports close, and with them its producers and consumers. */
  closePeer(socketId: string) {
    const peer = this.peers.get(socketId);
    if (!peer) return;
    this.peers.delete(socketId);
    for (const t of peer.transports.values()) t.close();
  }

  close() {
    this.router.close();
  }

  view(): MediaView {
    return {
      tracks: [...this.producers.values()].map((e) => ({
        producerId: e.producer.id,
        pid: e.pid,
        source: e.source,
        kind: e.producer.kind,
        paused: e.producer.paused,
      })),
      held: [...this.held],
      strict: this.strict,
    };
  }

  /** Applies the rules to every producer and consumer, then tells the room if its picture changed. */
  async sync() {
    const rec = this.room.record;
    for (const e of this.producers.values()) {
      if (e.producer.closed) continue;
      const participant = rec.participants[e.pid];
      if (!participant) {
        e.producer.close();
        continue;
      }
      // Stepped out: mic and camera off. In a side room with a facilitator: still live, heard only there.
      const away = rec.floor.presence[e.pid] === 'away' && !sideRoomOf(rec, e.pid);
      const pause =
        e.selfPaused || away || (e.source === 'mic' && this.held.has(e.pid)) || !this.deps.mayPublish(e.pid);
      if (pause !== e.producer.paused) await (pause ? e.producer.pause() : e.producer.resume());
    }
    for (const peer of this.peers.values()) {
      for (const c of peer.consumers.values()) {
        const source = this.producers.get(c.producerId);
        if (!source || c.consumer.closed) continue;
        const gated =
          (c.consumer.kind === 'audio' && this.strict && !this.mayBeHeard(source.pid)) ||
          spaceOf(rec, peer.pid) !== spaceOf(rec, source.pid);
        const pause = c.clientPaused || gated;
        if (pause !== c.consumer.paused) await (pause ? c.consumer.pause() : c.consumer.resume());
      }
    }
    const view = this.view();
    const json = JSON.stringify(view);
    if (json !== this.lastView) {
      this.lastView = json;
      this.deps.io.to(this.room.ch.room).emit('media:state', view);
    }
  }

  /** In strict circle only the holder of the word and the facilitators are heard. */
  mayBeHeard(pid: string): boolean {
    const rec = this.room.record;
    return rec.floor.holder?.pid === pid || rec.participants[pid]?.role === 'facilitator';
  }

  consumerStates(socketId: string) {
    const peer = this.peers.get(socketId);
    return peer
      ? [...peer.consumers.values()].map((c) => ({ id: c.consumer.id, paused: c.consumer.paused }))
      : [];
  }

  private onVolumes(pids: string[]) {
    for (const pid of pids) {
      this.talkMs.set(pid, (this.talkMs.get(pid) ?? 0) + LEVEL_INTERVAL_MS);
      this.deps.onTalk(pid, LEVEL_INTERVAL_MS, this.strict && !this.mayBeHeard(pid));
    }
    const now = new Set(pids);
    if (now.size !== this.speaking.size || pids.some((p) => !this.speaking.has(p))) {
      this.speaking = now;
      this.deps.io.to(this.room.ch.room).emit('media:speaking', [...now]);
    }
  }

  private peer(socketId: string, pid: string): Peer {
    let peer = this.peers.get(socketId);
    if (!peer) {
      peer = { pid, transports: new Map(), consumers: new Map() };
      this.peers.set(socketId, peer);
    }
    if (peer.pid !== pid) throw new AppError('CONFLICT');
    return peer;
  }
}

/** Where someone is: the circle, or a private side room (both people in it hear only each other). */
function spaceOf(rec: Readonly<RoomRecord>, pid: string): string {
  const side = sideRoomOf(rec, pid);
  return side ? `side:${side.pid}` : 'circle';
}

/** mediasoup rejects bad RTP parameters by throwing: for the client that is just bad input. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BAD_REQUEST');
  }
}
