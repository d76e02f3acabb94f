import { upcoming, type FloorFacts } from '../floor/machine.js';
import type { FloorNotice } from '../floor/types.js';
import type { RoomView } from '../room.js';

/**
 * A room change on the wire: only what differs from the previous snapshot, so the word passing costs
 * the same few hundred bytes in a circle of 5 or a meeting of 300. Full snapshots (`room:state`) go out
 * only on joining, re-admission and when a client finds a gap in the sequence numbers and asks.
 *
 * Objects are compared key by key (a person's presence or turn count travels alone) and what changed is
 * sent as one nested object merged into the view; other arrays and values are replaced whole; the roster
 * (`participants`) is keyed by person, so one person arriving sends that person only. Paths are keys
 * joined by dots (no key in a view holds one: ids are base64url). What the change said to the room rides
 * along: the announcements a client can tell from the change itself (whose turn it is, who is next) are
 * left out and worked out by `noticesOf`; the others (time nearly up, the round ended) travel.
 */
export interface RoomPatch {
  /** Exactly one more than the snapshot it applies to. */
  seq: number;
  at: number;
  /** Merged into the view: an object meeting an object merges into it, anything else replaces. */
  set?: Record<string, unknown>;
  /** Keys to delete. */
  del?: string[];
  /** Changes to lists of people keyed by `pid`: upserted in place or appended, removed, reordered if needed. */
  people?: Array<{ path: string; up?: Keyed[]; rm?: string[]; order?: string[] }>;
  /** The floor's announcements of this change that `derivedNotices` does not tell (each is a `floor:notice` at `at`). */
  notices?: FloorNotice[];
  /** False when the announcements derived from the change would be wrong: `notices` then holds them all. */
  derive?: false;
}

/** What a floor change announces by itself: a new turn (whose turn it is), and who is next when that changes. */
export function derivedNotices(prev: FloorFacts, next: FloorFacts): FloorNotice[] {
  const out: FloorNotice[] = [];
  const h = next.holder;
  if (h && (prev.holder?.pid !== h.pid || prev.holder.startedAt !== h.startedAt))
    out.push({ kind: 'your-turn', pid: h.pid });
  const after = upcoming(next);
  if (after && after !== upcoming(prev)) out.push({ kind: 'next-up', pid: after });
  return out;
}

/** The announcements of a patch applied on top of `prev`, giving `next`. */
export function noticesOf(prev: RoomView, next: RoomView, patch: RoomPatch): FloorNotice[] {
  if (patch.derive === false) return patch.notices ?? [];
  return [...derivedNotices(prev.floor, next.floor), ...(patch.notices ?? [])];
}

interface Keyed {
  pid: string;
}
type Json = unknown;

/** Lists whose items are people, diffed by `pid` rather than replaced. */
const KEYED_LISTS = new Set(['participants']);

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether two JSON values are equal. Plain loops, no key lists or closures: every change of every room
 * compares its whole view.
 */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const list = Array.isArray(a);
  if (list !== Array.isArray(b)) return false;
  if (list) {
    const aa = a as Json[];
    const bb = b as Json[];
    if (aa.length !== bb.length) return false;
    for (let i = 0; i < aa.length; i++) if (!sameJson(aa[i], bb[i])) return false;
    return true;
  }
  const ra = a as Record<string, Json>;
  const rb = b as Record<string, Json>;
  let keys = 0;
  for (const k in ra) {
    if (!Object.hasOwn(rb, k) || !sameJson(ra[k], rb[k])) return false;
    keys++;
  }
  for (const _ in rb) keys--;
  return keys === 0;
}

/** What `applyKeyed` does with `up` and `rm`, to tell whether the order must travel too. */
function keyedResult(prev: Keyed[], up: Keyed[], rm: string[]): string[] {
  const gone = new Set(rm);
  const order = prev.map((p) => p.pid).filter((pid) => !gone.has(pid));
  for (const item of up) if (!order.includes(item.pid)) order.push(item.pid);
  return order;
}

const dotted = (path: string[]) => {
  if (path.some((k) => k.includes('.'))) throw new Error(`a view key holds a dot: ${path.join(' / ')}`);
  return path.join('.');
};

function diffKeyed(path: string[], prev: Keyed[], next: Keyed[], out: RoomPatch) {
  const before = new Map(prev.map((p) => [p.pid, p]));
  const after = new Set(next.map((p) => p.pid));
  const up = next.filter((p) => !sameJson(before.get(p.pid), p));
  const rm = prev.filter((p) => !after.has(p.pid)).map((p) => p.pid);
  const wanted = next.map((p) => p.pid);
  const order = sameJson(keyedResult(prev, up, rm), wanted) ? undefined : wanted;
  if (!up.length && !rm.length && !order) return;
  (out.people ??= []).push({
    path: dotted(path),
    ...(up.length ? { up } : {}),
    ...(rm.length ? { rm } : {}),
    ...(order ? { order } : {}),
  });
}

function diffAt(path: string[], prev: Json, next: Json, out: RoomPatch) {
  if (sameJson(prev, next)) return;
  const key = path.at(-1);
  if (key !== undefined && KEYED_LISTS.has(key) && Array.isArray(prev) && Array.isArray(next)) {
    diffKeyed(path, prev as Keyed[], next as Keyed[], out);
    return;
  }
  if (isObject(prev) && isObject(next)) {
    // A part left alone is the very object it was (copy on write): skipped before any path is made for it.
    for (const k in next) {
      if (prev[k] === next[k] && Object.hasOwn(prev, k)) continue;
      if (!Object.hasOwn(prev, k)) put(out, [...path, k], next[k]);
      else diffAt([...path, k], prev[k], next[k], out);
    }
    for (const k in prev) if (!Object.hasOwn(next, k)) (out.del ??= []).push(dotted([...path, k]));
    return;
  }
  put(out, path, next);
}

function put(out: RoomPatch, path: string[], value: Json) {
  let node = (out.set ??= {});
  const last = path.length - 1;
  for (let i = 0; i <= last; i++) {
    const key = path[i]!;
    if (key.includes('.')) dotted(path); // throws, naming the path
    if (i < last) node = (node[key] ??= {}) as Record<string, Json>;
    else node[key] = value;
  }
}

/** The patch that turns `prev` into `next` (whose seq is one more). */
export function diffView(prev: RoomView, next: RoomView, notices: FloorNotice[] = []): RoomPatch {
  const out: RoomPatch = { seq: next.seq, at: next.at };
  // Leave out what the client works out itself, if it would work out exactly what the floor said.
  const rest = [...notices];
  const derived = derivedNotices(prev.floor, next.floor);
  const exact = derived.every((d) => {
    const at = rest.findIndex((n) => sameJson(n, d));
    if (at < 0) return false;
    rest.splice(at, 1);
    return true;
  });
  if (!exact) out.derive = false;
  const sent = exact ? rest : notices;
  if (sent.length) out.notices = sent;
  // Key by key at the top (the sequence number and the time travel as `seq` and `at`): most parts of a
  // view are the very objects of the one before and cost one comparison.
  const before = prev as unknown as Record<string, Json>;
  const after = next as unknown as Record<string, Json>;
  for (const k in after) {
    if (k === 'seq' || k === 'at' || before[k] === after[k]) continue;
    if (!Object.hasOwn(before, k)) put(out, [k], after[k]);
    else diffAt([k], before[k], after[k], out);
  }
  for (const k in before) if (!Object.hasOwn(after, k)) (out.del ??= []).push(dotted([k]));
  return out;
}

/** The object holding the last key of `dottedPath`, and that key. */
function parentOf(root: Record<string, Json>, dottedPath: string): [Record<string, Json>, string] {
  const path = dottedPath.split('.');
  const last = path.pop()!;
  if (!last) throw new Error('patch sets the whole view');
  let node = root;
  for (const key of path) {
    const child = node[key];
    if (!isObject(child)) throw new Error(`patch path ${dottedPath} not found`);
    node = child;
  }
  return [node, last];
}

// Views are plain JSON by design (they travel as JSON), so a JSON copy is exact.
function merge(target: Record<string, Json>, changes: Record<string, Json>) {
  for (const [key, value] of Object.entries(changes)) {
    const here = target[key];
    if (isObject(value) && isObject(here)) merge(here, value);
    else target[key] = copy(value);
  }
}

const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** `view` changed by `patch` (a new object; `view` is left as it was). Throws on a patch that does not fit. */
export function applyPatch(view: RoomView, patch: RoomPatch): RoomView {
  const next = copy(view) as unknown as Record<string, Json>;
  if (patch.set) merge(next, patch.set);
  for (const path of patch.del ?? []) {
    const [parent, key] = parentOf(next, path);
    delete parent[key];
  }
  for (const change of patch.people ?? []) {
    const [parent, key] = parentOf(next, change.path);
    const list = parent[key];
    if (!Array.isArray(list)) throw new Error(`patch path ${change.path} is not a list`);
    const gone = new Set(change.rm ?? []);
    const items = (list as Keyed[]).filter((p) => !gone.has(p.pid));
    for (const item of change.up ?? []) {
      const at = items.findIndex((p) => p.pid === item.pid);
      if (at >= 0) items[at] = copy(item);
      else items.push(copy(item));
    }
    const byPid = new Map(items.map((p) => [p.pid, p]));
    parent[key] = change.order ? change.order.map((pid) => byPid.get(pid)!) : items;
  }
  next.seq = patch.seq;
  next.at = patch.at;
  return next as unknown as RoomView;
}

/**
 * A client's copy of the room: snapshots and patches in, the current view out. A patch applies only on
 * top of the snapshot right before it; an older one is dropped; a newer one means something was missed
 * (`gap`: ask the server for a snapshot). After a (re)join or an admission, nothing applies until a
 * snapshot arrives: the server may have restarted, and its count with it.
 */
export class RoomReplica {
  private current: RoomView | null = null;
  private waiting = true;

  get view(): RoomView | null {
    return this.current;
  }

  /** A full snapshot: taken unless it is no newer than what is shown (and no new snapshot was awaited). */
  snapshot(v: RoomView): boolean {
    const c = this.current;
    // The same seq is nothing new (the join's snapshot and the one a gap asked for may both arrive).
    const stale = c !== null && c.meetingId === v.meetingId && v.seq <= c.seq;
    if (stale && !this.waiting) return false;
    this.waiting = false;
    this.current = v;
    return true;
  }

  /** `heard` gets what the change announced, when it applied (a patch that did not apply says nothing new). */
  patch(p: RoomPatch, heard?: (notices: FloorNotice[]) => void): 'applied' | 'stale' | 'gap' | 'waiting' {
    const c = this.current;
    if (this.waiting || !c) return 'waiting';
    if (p.seq <= c.seq) return 'stale';
    if (p.seq !== c.seq + 1) return 'gap';
    try {
      this.current = applyPatch(c, p);
    } catch {
      return 'gap';
    }
    heard?.(noticesOf(c, this.current, p));
    return 'applied';
  }

  /** The next snapshot is taken whatever its seq (a reconnect, an admission). */
  awaitSnapshot(): void {
    this.waiting = true;
  }

  /** Sent back to the lobby: nothing of the room is kept. */
  clear(): void {
    this.current = null;
  }
}
