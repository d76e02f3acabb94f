import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { groupKey } from '../groups/service.js';
import type { RoomRegistry } from '../room/registry.js';
import type { Room } from '../room/Room.js';
import type { CircleServer } from '../socket/types.js';
import type { Store } from '../store/index.js';
import type { MediaConfig } from './config.js';
import { MediaRoom } from './MediaRoom.js';
import type { WorkerPool } from './workers.js';

// Where holds lived before they moved into the room record; removed when a meeting ends.
const mediaKey = (groupId: string) => `${groupKey(groupId)}media`;

/**
 * Media for every meeting on this node. A meeting's MediaRoom is created on first use, follows its
 * Room (floor changes, people leaving, the meeting ending) and starts over if a worker it uses dies.
 */
export class MediaService {
  private readonly rooms = new Map<string, Promise<MediaRoom>>();
  private readonly ended = new WeakSet<Room>();
  private readonly talkListeners: ((groupId: string, pid: string, ms: number, outOfTurn: boolean) => void)[] =
    [];

  constructor(
    private readonly pool: WorkerPool,
    private readonly deps: {
      io: CircleServer;
      store: Store;
      config: MediaConfig;
      registry: RoomRegistry;
      log: Logger;
    },
  ) {
    pool.on('replaced', (dead, fresh) => void this.moveRooms(dead.pid, fresh));
    deps.registry.onLoad((room) => this.follow(room));
  }

  private publishPolicy: (groupId: string, pid: string) => boolean = () => true;

  /** Lets another domain (the role-play) decide who may be heard; call `resync` when its answer changes. */
  setPublishPolicy(fn: (groupId: string, pid: string) => boolean) {
    this.publishPolicy = fn;
  }

  resync(groupId: string) {
    // A router that could not be created has nothing to sync (and must not become an unhandled rejection).
    void this.rooms
      .get(groupId)
      ?.then((m) => m.run(() => m.sync()))
      .catch(() => undefined);
  }

  /** Talk time measured from audio, for the facilitators' fairness view. */
  onTalk(fn: (groupId: string, pid: string, ms: number, outOfTurn: boolean) => void) {
    this.talkListeners.push(fn);
  }

  forRoom(room: Room): Promise<MediaRoom> {
    // A request still on its way when its meeting ended must neither revive that meeting's media nor
    // reach the next meeting's.
    if (this.ended.has(room)) return Promise.reject(new AppError('NOT_JOINED'));
    let pending = this.rooms.get(room.id);
    if (!pending) {
      pending = this.create(room);
      this.rooms.set(room.id, pending);
      pending.catch(() => this.rooms.delete(room.id));
    }
    return pending.then((media) => {
      if (media.room !== room) throw new AppError('NOT_JOINED');
      return media;
    });
  }

  existing(groupId: string): Promise<MediaRoom> | undefined {
    return this.rooms.get(groupId);
  }

  socketGone(groupId: string, socketId: string) {
    void this.rooms
      .get(groupId)
      ?.then((m) => m.run(async () => m.closePeer(socketId)))
      .catch(() => undefined);
  }

  workerPids() {
    return this.pool.pids();
  }

  usage() {
    return this.pool.usage();
  }

  close() {
    this.pool.close();
  }

  private async create(room: Room): Promise<MediaRoom> {
    const media = new MediaRoom(room, {
      io: this.deps.io,
      config: this.deps.config,
      mayPublish: (pid) => this.publishPolicy(room.id, pid),
      workers: () => this.pool.live(),
      onTalk: (pid, ms, outOfTurn) => {
        for (const fn of this.talkListeners) fn(room.id, pid, ms, outOfTurn);
      },
    });
    await media.attach(this.pool.pick());
    return media;
  }

  private follow(room: Room) {
    // Loaded again (this node lost the meeting and took it back): the old copy's router goes.
    const stale = this.rooms.get(room.id);
    this.rooms.delete(room.id);
    void stale?.then(
      (m) => m.close(),
      () => undefined,
    );
    // A meeting already under way when this node loads it (a restart, or a takeover from a dead node):
    // its clients' transports pointed at a router that no longer exists, so they set media up again here.
    if (room.record.seq > 0) this.deps.io.to(room.ch.room).emit('media:restart');
    // Floor and presence changes decide who is heard (strict circle, stepping out) and who is cut off.
    room.onChange(() => this.resync(room.id));
    room.onEnd(async () => {
      this.ended.add(room);
      const media = this.rooms.get(room.id);
      this.rooms.delete(room.id);
      await this.deps.store.del(mediaKey(room.id));
      (await media?.catch(() => null))?.close();
    });
  }

  /**
   * A meeting with any router on the dead worker starts over: its main router goes to the fresh worker
   * if the dead one carried it (else it is rebuilt where it was), and its clients set media up again.
   */
  private async moveRooms(deadPid: number, fresh: Parameters<MediaRoom['attach']>[0]) {
    for (const pending of this.rooms.values()) {
      const media = await pending.catch(() => null);
      if (!media?.usesWorker(deadPid)) continue;
      await media.run(async () => {
        await media.attach(media.worker.closed ? fresh : media.worker);
        this.deps.io.to(media.room.ch.room).emit('media:restart');
        await media.sync();
      });
    }
  }
}
