import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { within } from '../deadline.js';
import { closeRedis, REDIS_CLOSE_MS } from '../redisClient.js';

const OWNER = (groupId: string) => `circle:owner:${groupId}`;
const INBOX = (nodeId: string) => `circle:rpc:${nodeId}`;
const ALIVE = (nodeId: string) => `circle:alive:${nodeId}`;
/** A node that has not said it is alive for this long is taken for dead: its rooms move at once. */
const ALIVE_MS = 3_000;

// Renew only our own lease, release only our own: a node that lost its lease must not take it back.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface RpcRequest {
  id: string;
  from: string;
  body: unknown;
}

/**
 * Several nodes sharing one Redis. Each meeting is owned by one node at a time (a lease that its owner
 * renews); the owner applies every command for it, so commands for one room have one order. Other
 * nodes forward to the owner over Redis pub/sub. When the owner dies its leases expire and the next
 * node to need the room claims it and loads it from Redis.
 */
export class Cluster {
  readonly nodeId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly cmd: Redis;
  private readonly sub: Redis;
  private readonly pending = new Map<
    string,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  private readonly owned = new Set<string>();
  private handler: (body: unknown) => Promise<unknown> = async () => null;
  private renewTimer: NodeJS.Timeout | undefined;
  private lostListeners: ((groupId: string) => void)[] = [];
  private seq = 0;

  constructor(
    redisUrl: string,
    private readonly leaseMs = 6_000,
  ) {
    this.cmd = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.sub = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.cmd.on('error', () => {});
    this.sub.on('error', () => {});
  }

  async start() {
    await this.sub.subscribe(INBOX(this.nodeId));
    this.sub.on('message', (_channel, raw) => void this.onMessage(raw));
    await this.heartbeat();
    this.renewTimer = setInterval(() => void this.renewAll(), Math.min(this.leaseMs / 3, ALIVE_MS / 3));
  }

  /** Handles requests forwarded to this node (as owner of their room). */
  serve(handler: (body: unknown) => Promise<unknown>) {
    this.handler = handler;
  }

  /** Called when this node finds it no longer owns a room (its lease was taken after a stall). */
  onLost(fn: (groupId: string) => void) {
    this.lostListeners.push(fn);
  }

  owns(groupId: string): boolean {
    return this.owned.has(groupId);
  }

  /** The node that owns the room, claiming it for this node if nobody does. */
  async ownerOf(groupId: string): Promise<string> {
    if (this.owned.has(groupId)) return this.nodeId;
    const claimed = await this.cmd.set(OWNER(groupId), this.nodeId, 'PX', this.leaseMs, 'NX');
    if (claimed === 'OK') {
      this.owned.add(groupId);
      return this.nodeId;
    }
    const owner = await this.cmd.get(OWNER(groupId));
    if (owner === this.nodeId) {
      this.owned.add(groupId);
      return owner;
    }
    if (owner && !(await this.cmd.exists(ALIVE(owner)))) {
      // Its node stopped beating (killed): take the room over now rather than after the lease runs out.
      await this.evict(groupId, owner);
      return this.ownerOf(groupId);
    }
    // The lease expired between the two calls: try once more.
    return owner ?? this.ownerOf(groupId);
  }

  async release(groupId: string) {
    this.owned.delete(groupId);
    await this.cmd.eval(RELEASE, 1, OWNER(groupId), this.nodeId);
  }

  /** Sends a request to another node and waits for its answer. */
  request(nodeId: string, body: unknown, timeoutMs = 3_000): Promise<unknown> {
    const id = `${this.nodeId}:${++this.seq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('rpc timeout'));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      // A publish that fails (Redis away) is reported by the timeout above.
      this.cmd.publish(INBOX(nodeId), JSON.stringify({ id, from: this.nodeId, body })).catch(() => undefined);
    });
  }

  /** Forgets the lease of a node that does not answer, so the room can move to a live node. */
  async evict(groupId: string, deadNode: string) {
    await this.cmd.eval(RELEASE, 1, OWNER(groupId), deadNode);
  }

  async close() {
    clearInterval(this.renewTimer);
    // Courtesies (the leases and the heartbeat expire by themselves): not waited for past REDIS_CLOSE_MS.
    const goodbyes = async () => {
      await this.cmd.del(ALIVE(this.nodeId));
      for (const g of [...this.owned]) await this.release(g).catch(() => undefined);
    };
    await within(goodbyes(), REDIS_CLOSE_MS).catch(() => undefined);
    this.sub.disconnect();
    await closeRedis(this.cmd);
  }

  private async heartbeat() {
    await this.cmd.set(ALIVE(this.nodeId), '1', 'PX', ALIVE_MS).catch(() => undefined);
  }

  private async renewAll() {
    await this.heartbeat();
    for (const g of [...this.owned]) {
      const ok = await this.cmd.eval(RENEW, 1, OWNER(g), this.nodeId, String(this.leaseMs)).catch(() => null);
      if (ok === 0) {
        this.owned.delete(g);
        for (const fn of this.lostListeners) fn(g);
      }
    }
  }

  private async onMessage(raw: string) {
    let msg: { id: string; from?: string; body?: unknown; reply?: unknown; error?: string };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return;
    }
    if (msg.from && 'body' in msg) {
      let reply: unknown = null;
      let error: string | undefined;
      try {
        reply = await this.handler(msg.body);
      } catch (err) {
        error = err instanceof Error ? err.message : 'error';
      }
      // If it cannot be sent (Redis away), the asking node's own timeout answers it.
      await this.cmd
        .publish(INBOX(msg.from), JSON.stringify({ id: msg.id, reply, error }))
        .catch(() => undefined);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.error) p.reject(new Error(msg.error));
    else p.resolve(msg.reply);
  }
}
