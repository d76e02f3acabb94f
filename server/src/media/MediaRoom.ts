import type { ConsumerOptions, MediaSource, MediaView, TransportOptions } from '@circle/shared';
import type { types } from 'mediasoup';
import { AppError } from '../errors.js';
import { meetingOf, sideRoomOf } from '../meeting/record.js';
import type { RoomRecord } from '../room/records.js';
import type { Room } from '../room/Room.js';
import type { CircleServer } from '../socket/types.js';
import type { MediaConfig } from './config.js';
import { MeetingRouters, workerOf } from './routers.js';
import { MediaTurns } from './turns.js';
import { webRtcServerOf } from './workers.js';

/** How often audio levels are sampled; talk time is counted in these steps. */
export const LEVEL_INTERVAL_MS = 250;
const SPEAKING_THRESHOLD_DB = -55;

/** A send and a receive transport for each of two tabs. */
export const MAX_TRANSPORTS_PER_PERSON = 4;
/** Beyond the seats: facilitators, observers and second tabs. */
const EXTRA_PEOPLE = 10;
/**
 * A room's transports are bounded by its size (seats and listener places), so a handful of links cannot
 * load the workers without end.
 */
export const maxRoomTransports = (size: { capacity: number; listeners?: number }) =>
  2 * (size.capacity + (size.listeners ?? 0) + EXTRA_PEOPLE);

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
  router: types.Router;
  clientPaused: boolean;
}

interface Peer {
  pid: string;
  /** WebRTC from browsers; plain RTP only from benches and tests in this process, never from the network. */
  transports: Map<string, types.Transport>;
  consumers: Map<string, ConsumerEntry>;
}

export interface MediaRoomDeps {
  io: CircleServer;
  config: MediaConfig;
  onTalk: (pid: string, ms: number, outOfTurn: boolean) => void;
  /** Other rules about who may be heard (a role-play's observers, actors at TIME OUT). */
  mayPublish: (pid: string) => boolean;
  /** This node's live workers: a large meeting spreads its receivers over them. */
  workers: () => types.Worker[];
}

/**
 * The media of one meeting: its routers (producers on the main one, receivers spread over the node's
 * workers as the meeting grows, see MeetingRouters), every connection's transports, and the rules that
 * decide what is heard. The server decides: a facilitator's hold pauses the producer itself, strict
 * circle pauses the consumers of whoever may not be heard now (so their level is still measured).
 */
export class MediaRoom {
  private routers!: MeetingRouters;
  private levels!: types.AudioLevelObserver;
  private readonly peers = new Map<string, Peer>();
  private readonly producers = new Map<string, ProducerEntry>();
  /** What each audience (the circle, each side room) was last told about who is speaking. */
  private readonly lastSpeaking = new Map<string, string>();
  private readonly turns = new MediaTurns();
  private lastView = '';
  readonly talkMs = new Map<string, number>();

  constructor(
    readonly room: Room,
    private readonly deps: MediaRoomDeps,
  ) {}

  /** Held microphones, from the room record: they change in the room's transaction, like the floor. */
  get held(): Set<string> {
    return new Set(this.room.record.media?.held ?? []);
  }

  get strict(): boolean {
    return this.room.record.media?.strict ?? false;
  }

  /** The worker of the main router (producers, audio levels). */
  get worker(): types.Worker {
    return workerOf(this.routers.main);
  }

  /** Whether any of this meeting's routers lives on the worker `pid`. */
  usesWorker(pid: number): boolean {
    return this.routers.usesWorker(pid);
  }

  /**
   * (Re)creates the main router on `worker`; everything that lived on the old routers (on any worker) is
   * gone and clients start over.
   */
  async attach(worker: types.Worker) {
    this.peers.clear();
    this.producers.clear();
    this.lastSpeaking.clear();
    this.routers?.close();
    this.routers = await MeetingRouters.create(worker, this.deps.workers, this.deps.config.spreadAt);
    this.levels = await this.routers.main.createAudioLevelObserver({
      interval: LEVEL_INTERVAL_MS,
      threshold: SPEAKING_THRESHOLD_DB,
      maxEntries: 32,
    });
    this.levels.on('volumes', (volumes) =>
      this.onVolumes(volumes.map((v) => v.producer.appData.pid as string)),
    );
    this.levels.on('silence', () => this.onVolumes([]));
  }

  /** Runs a change of the meeting's media alone, so gates never interleave. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.turns.alone(fn);
  }

  /** Runs one connection's request about its own consumers beside other connections' (see MediaTurns). */
  runFor<T>(socketId: string, fn: () => Promise<T>): Promise<T> {
    return this.turns.own(socketId, fn);
  }

  /** Every router of the meeting has the same codecs, so the same capabilities. */
  get rtpCapabilities() {
    return this.routers.main.rtpCapabilities;
  }

  async createTransport(
    socketId: string,
    pid: string,
    direction: 'send' | 'recv',
  ): Promise<TransportOptions> {
    const transport = await this.addTransport(socketId, pid, direction, (router) =>
      router.createWebRtcTransport({
        webRtcServer: webRtcServerOf(workerOf(router)),
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        initialAvailableOutgoingBitrate: 600_000,
        appData: { direction, router, webRtc: true },
      }),
    );
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
      iceServers: this.deps.config.iceServers,
    };
  }

  /**
   * Places and counts a transport like a browser's: a send transport on the main router, a receive
   * transport where MeetingRouters puts it. `make` creates it on that router with appData
   * `{ direction, router }`; only createTransport (WebRTC) is reachable from the network — benches and
   * tests in this process pass plain RTP transports to feed and read real packets.
   */
  async addTransport<T extends types.Transport>(
    socketId: string,
    pid: string,
    direction: 'send' | 'recv',
    make: (router: types.Router) => Promise<T>,
  ): Promise<T> {
    const peer = this.peer(socketId, pid);
    // One of each per connection; asking again (after an ICE failure) replaces the old one.
    const replaced = [...peer.transports.values()].filter((t) => t.appData.direction === direction);
    const others = (of: (p: Peer) => boolean) =>
      [...this.peers.values()].filter(of).reduce((n, p) => n + p.transports.size, 0) - replaced.length;
    if (others((p) => p.pid === pid) >= MAX_TRANSPORTS_PER_PERSON) throw new AppError('CONFLICT');
    if (others(() => true) >= maxRoomTransports(this.room.group.settings)) throw new AppError('ROOM_FULL');
    for (const t of replaced) t.close();
    const router =
      direction === 'send' ? this.routers.main : await this.routers.forReceiver((r) => this.receiversOn(r));
    const transport = await make(router);
    peer.transports.set(transport.id, transport);
    transport.observer.on('close', () => peer.transports.delete(transport.id));
    return transport;
  }

  /** A browser's transport (connect, ICE restart); NOT_FOUND for anyone else's. */
  transport(socketId: string, transportId: string): types.WebRtcTransport {
    const t = this.anyTransport(socketId, transportId);
    if (!t.appData.webRtc) throw new AppError('NOT_FOUND');
    return t as types.WebRtcTransport;
  }

  private anyTransport(socketId: string, transportId: string): types.Transport {
    const t = this.peers.get(socketId)?.transports.get(transportId);
    if (!t) throw new AppError('NOT_FOUND');
    return t;
  }

  private receiversOn(router: types.Router): number {
    let n = 0;
    for (const peer of this.peers.values())
      for (const t of peer.transports.values())
        if (t.appData.direction === 'recv' && t.appData.router === router) n++;
    return n;
  }

  /** Consumers of this meeting on each worker (by worker pid), or only those forwarding, for benches and tests. */
  consumersPerWorker(forwarding = false): Map<number, number> {
    const per = new Map<number, number>(this.routers.all().map((r) => [workerOf(r).pid, 0]));
    for (const peer of this.peers.values())
      for (const c of peer.consumers.values()) {
        if (forwarding && (c.consumer.paused || c.consumer.producerPaused)) continue;
        const pid = workerOf(c.router).pid;
        per.set(pid, (per.get(pid) ?? 0) + 1);
      }
    return per;
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
    if (p.source === 'screen' && !this.mayShareScreen(pid)) throw new AppError('FORBIDDEN');
    const transport = this.anyTransport(socketId, p.transportId);
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
    const main = this.routers.main;
    if (!main.canConsume({ producerId, rtpCapabilities: caps })) throw new AppError('BAD_REQUEST');
    const transport = [...peer.transports.values()].find((t) => t.appData.direction === 'recv');
    if (!transport) throw new AppError('CONFLICT');
    const router = transport.appData.router as types.Router;
    // Checked first (bad capabilities pipe nothing); the pipe is made once per producer and router.
    await this.routers.reach(producerId, router);
    for (const c of peer.consumers.values()) if (c.producerId === producerId) c.consumer.close();
    const consumer = await guard(() =>
      transport.consume({ producerId, rtpCapabilities: caps, paused: true }),
    );
    peer.consumers.set(consumer.id, { consumer, producerId, router, clientPaused: true });
    consumer.observer.on('close', () => {
      peer.consumers.delete(consumer.id);
      // The browser learns it from the server, whatever closed it (the producer went, or this person was cut off).
      this.deps.io.to(socketId).emit('media:consumerClosed', { consumerId: consumer.id });
    });
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
    const peer = this.peers.get(socketId);
    const entry = peer?.consumers.get(consumerId);
    if (!peer || !entry) throw new AppError('NOT_FOUND');
    entry.clientPaused = paused;
    // Only this consumer changed: the rules are applied to it alone (in a meeting of 300, a whole sync
    // for each of thousands of consumers would hold up everything else the server does).
    await this.gate(peer, entry, spaceIn(this.room.record));
  }

  /** Pauses or resumes one consumer as the rules and its browser say; undefined when nothing changes. */
  private gate(peer: Peer, c: ConsumerEntry, space: (pid: string) => string): Promise<void> | undefined {
    const source = this.producers.get(c.producerId);
    if (!source || c.consumer.closed) return;
    const gated =
      (c.consumer.kind === 'audio' && this.strict && !this.mayBeHeard(source.pid)) ||
      space(peer.pid) !== space(source.pid);
    const pause = c.clientPaused || gated;
    if (pause !== c.consumer.paused) return pause ? c.consumer.pause() : c.consumer.resume();
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
    await this.room.change((c) => {
      const rules = (c.rec.media ??= { held: [], strict: false });
      const set = new Set(rules.held);
      for (const pid of pids) {
        if (held) set.add(pid);
        else set.delete(pid);
      }
      rules.held = [...set];
    });
    await this.sync();
  }

  get membersMayShare(): boolean {
    return this.room.record.media?.membersMayShare ?? false;
  }

  /** Facilitators always; members when a facilitator allowed it; observers never publish anything. */
  private mayShareScreen(pid: string): boolean {
    const role = this.room.record.participants[pid]?.role;
    return role === 'facilitator' || (role === 'member' && this.membersMayShare);
  }

  /** Taking the permission back stops members' screens here, on the server, not only on their pages. */
  async setMembersMayShare(on: boolean) {
    await this.room.change((c) => {
      (c.rec.media ??= { held: [], strict: false }).membersMayShare = on;
    });
    for (const e of this.producers.values())
      if (e.source === 'screen' && !this.mayShareScreen(e.pid)) e.producer.close();
    await this.sync();
  }

  async setStrict(on: boolean) {
    await this.room.change((c) => {
      (c.rec.media ??= { held: [], strict: false }).strict = on;
    });
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
    this.routers.close();
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
      membersMayShare: this.membersMayShare,
    };
  }

  /**
   * Applies the rules to every producer and consumer, then tells the room if its picture changed. Runs
   * after every change of the room, so whoever is no longer an admitted participant (left, removed, sent
   * to the lobby, erased) is cut off here by the server, whatever their browser does.
   */
  async sync() {
    const rec = this.room.record;
    const admitted = (pid: string) => rec.participants[pid]?.admitted === true;
    for (const [socketId, peer] of this.peers) if (!admitted(peer.pid)) this.closePeer(socketId);
    for (const e of this.producers.values()) {
      if (e.producer.closed) continue;
      if (!admitted(e.pid)) {
        e.producer.close();
        continue;
      }
      // Stepped out: mic and camera off. In a side room with a facilitator: still live, heard only there.
      const away = rec.floor.presence[e.pid] === 'away' && !sideRoomOf(rec, e.pid);
      const pause =
        e.selfPaused || away || (e.source === 'mic' && this.held.has(e.pid)) || !this.deps.mayPublish(e.pid);
      if (pause !== e.producer.paused) await (pause ? e.producer.pause() : e.producer.resume());
    }
    // Sent to the workers all at once: when the word passes in a meeting of 300, hundreds of consumers
    // change, and one round trip each in turn would leave the new holder unheard for seconds.
    const changes: Promise<void>[] = [];
    const space = spaceIn(rec);
    for (const peer of this.peers.values())
      for (const c of peer.consumers.values()) {
        const change = this.gate(peer, c, space);
        if (change) changes.push(change);
      }
    await Promise.all(changes);
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

  /**
   * Who is speaking goes only to those who can hear them: the circle's speakers to the circle, a side
   * room's to its two people. Talk time counts speech in the circle only.
   */
  private onVolumes(pids: string[]) {
    const rec = this.room.record;
    const sides = meetingOf(rec).sideRooms;
    const circle = pids.filter((pid) => !sideRoomOf(rec, pid));
    for (const pid of circle) {
      this.talkMs.set(pid, (this.talkMs.get(pid) ?? 0) + LEVEL_INTERVAL_MS);
      this.deps.onTalk(pid, LEVEL_INTERVAL_MS, this.strict && !this.mayBeHeard(pid));
    }
    const { io } = this.deps;
    const sideChannels = sides.flatMap((r) => [r.pid, r.facilitator].map(this.room.ch.person));
    // Who is in a side room belongs to what the circle was told: people coming back get its list.
    const toCircle = io.to(this.room.ch.room).except(sideChannels);
    this.tellSpeaking('circle', sideChannels.join(), circle, toCircle);
    for (const r of sides) {
      const two = [r.pid, r.facilitator];
      const speakers = pids.filter((pid) => two.includes(pid));
      this.tellSpeaking(`side:${r.pid}`, r.facilitator, speakers, io.to(two.map(this.room.ch.person)));
    }
  }

  /** Tells an audience who is speaking, only when that (or who the audience is) changed. */
  private tellSpeaking(audience: string, who: string, pids: string[], to: ReturnType<CircleServer['to']>) {
    const said = `${who}|${pids.join()}`;
    if (this.lastSpeaking.get(audience) === said) return;
    this.lastSpeaking.set(audience, said);
    to.emit('media:speaking', pids);
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

/** spaceOf for one record, each person looked up once (a sync asks for each of thousands of consumers). */
function spaceIn(rec: Readonly<RoomRecord>): (pid: string) => string {
  const known = new Map<string, string>();
  return (pid) => {
    let space = known.get(pid);
    if (space === undefined) known.set(pid, (space = spaceOf(rec, pid)));
    return space;
  };
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
