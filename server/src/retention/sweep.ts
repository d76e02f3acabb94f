import type { Logger } from 'pino';
import { BalancePersistence } from '../board/persistence.js';
import type { Boards } from '../board/service.js';
import { groupKey, type Groups } from '../groups/service.js';
import type { Identities } from '../identity/service.js';
import { meetingKeys } from '../meeting/keys.js';
import { defineDomain } from '../domain.js';
import type { Room } from '../room/Room.js';
import type { AttendanceEvent } from '../room/records.js';
import type { Store } from '../store/index.js';
import { DAY_MS, pruneMeetings } from './meetings.js';

export interface RetentionDeps {
  store: Store;
  groups: Groups;
  identities: Identities;
  boards: Boards;
  now: () => number;
  log: Logger;
  /** Time between two sweeps (the first runs at start); 0 sweeps only when asked. */
  intervalMs: number;
}

const GROUP_KEY = /^group:([^:]+):(.*)$/;
const SNAPSHOT_KEY = /^board:([^:]+):(?:snapshots|last)$/;

/**
 * The group's retention setting, applied by a periodic sweep rather than only when a meeting opens or
 * closes (a group that stops meeting would otherwise keep everything forever): attendance, declarations
 * and exercise summaries of old meetings, old balance snapshots, and identities unused for longer than
 * the group keeps data (with their balances, and their name in what is kept). Each node sweeps; every
 * step is idempotent, so several nodes sweeping at once remove each thing once.
 */
export class Retention {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private busy = false;
  private stopped = false;

  constructor(private readonly deps: RetentionDeps) {}

  start(): void {
    const tick = () => {
      // A sweep still running (a large store) is not queued up behind.
      if (this.busy || this.stopped) return;
      this.sweep().catch((err: unknown) =>
        // The error's name only: a message could quote stored data.
        this.deps.log.error({ err: err instanceof Error ? err.name : 'unknown' }, 'retention sweep failed'),
      );
    };
    tick();
    if (this.deps.intervalMs > 0) {
      this.timer = setInterval(tick, this.deps.intervalMs);
      this.timer.unref();
    }
  }

  /** An identity's last use is when it was last let into a meeting (or the lobby). */
  attach(room: Room): void {
    room.onChange((next, prev) => {
      if (next.participants === prev.participants) return;
      for (const pid of Object.keys(next.participants))
        if (!prev.participants[pid])
          void this.deps.identities.used(room.id, pid, this.deps.now()).catch(() => undefined);
    });
  }

  /** One pass over every group, as of `now`; true if anything was removed. Passes run one at a time. */
  sweep(now = this.deps.now()): Promise<boolean> {
    const pass = this.chain.then(() => this.pass(now));
    this.chain = pass.catch(() => undefined);
    return pass;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.chain;
  }

  private async pass(now: number): Promise<boolean> {
    this.busy = true;
    try {
      const byGroup = new Map<string, string[]>();
      for (const key of await this.deps.store.keys('group:')) {
        const m = GROUP_KEY.exec(key);
        if (m) byGroup.set(m[1]!, [...(byGroup.get(m[1]!) ?? []), m[2]!]);
      }
      let removed = false;
      for (const [groupId, keys] of byGroup) {
        if (this.stopped) break;
        removed = (await this.sweepGroup(groupId, keys, now)) || removed;
      }
      if (removed) await this.deps.store.forgetDeleted();
      this.deps.log.debug({ groups: byGroup.size, removed }, 'retention sweep');
      return removed;
    } finally {
      this.busy = false;
    }
  }

  private async sweepGroup(groupId: string, keys: string[], now: number): Promise<boolean> {
    const { store, identities } = this.deps;
    const group = await this.deps.groups.get(groupId);
    // The group itself goes first when it is deleted: whatever is left was cut short (a node killed).
    if (!group) {
      await store.deletePrefix(groupKey(groupId));
      return true;
    }
    // A meeting in progress changes these records; its group is swept once it ends.
    if (await store.get(meetingKeys.room(groupId))) return false;
    const days = group.settings.retentionDays;
    const cutoff = now - days * DAY_MS;
    let removed = await pruneMeetings(store, groupId, days, now);

    const balances = new Set(keys.map((k) => SNAPSHOT_KEY.exec(k)?.[1]).filter((b) => b !== undefined));
    for (const b of balances)
      removed = (await new BalancePersistence(store, groupId, b).pruneSnapshots(cutoff)) || removed;

    // Someone in the attendance still kept has come within the period, whatever their record says
    // (records written before last use was tracked only know when they were created).
    const seen = new Set<string>();
    for (const log of await store.keys(meetingKeys.attendance(groupId, '')))
      for (const e of await store.read<AttendanceEvent>(log)) seen.add(e.pid);
    for (const rec of await identities.all(groupId)) {
      if ((rec.lastUsedAt ?? rec.createdAt) >= cutoff || seen.has(rec.id)) continue;
      await this.removeBalancesOf(groupId, rec.id);
      await identities.forget(groupId, rec.id);
      removed = true;
    }
    return removed;
  }

  /** As when someone erases their identity, their balances go: nobody could reach them again. */
  private async removeBalancesOf(groupId: string, pid: string): Promise<void> {
    const { catalog } = this.deps.boards;
    const owned = (await catalog.all(groupId)).filter((b) => b.owner === pid).map((b) => b.id);
    if (owned.length)
      await catalog.mutate(groupId, (index) => {
        for (const id of owned) delete index[id];
        return { next: index, result: null };
      });
    for (const id of owned) await new BalancePersistence(this.deps.store, groupId, id).remove();
    // No meeting is in progress: nothing of the group stays cached, as after a meeting ends.
    catalog.forget(groupId);
  }
}

/** The sweep follows every room (a meeting that closes starts its clock) and stops with the server. */
export const retentionDomain = (retention: Retention) =>
  defineDomain({
    name: 'retention',
    attach: (room) => retention.attach(room),
    close: () => retention.stop(),
  });
