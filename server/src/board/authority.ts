import type { BoardAccess, BoardRoot } from '@circle/shared';
import { BOARD_LIMITS, BOARD_ROOTS, createBoardDoc, suggestionValue, validTransaction } from '@circle/shared';
import * as Y from 'yjs';

export interface Actor {
  pid: string;
  /** What the sender may do to this balance, decided by the service from ownership, role and sharing. */
  access: Exclude<BoardAccess, 'read'>;
}

type Refusal = 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST' | 'LIMIT';
export type Verdict = { ok: true; changed: boolean } | { ok: false; error: Refusal };

const ROOTS = new Set<string>(BOARD_ROOTS);
const APPLY = Symbol('check');
const refuse = (error: Refusal): Verdict => ({ ok: false, error });

/**
 * The server's authoritative copy of one balance and the rule for every incoming update.
 *
 * Yjs cannot take an update back once applied, so each update is first applied to a shadow copy and the
 * transaction's changed types are inspected: editors may touch the four known roots; anyone else only
 * keys of `suggestions`, and only entries that are (and stay) their own. Only an accepted update reaches
 * the authoritative doc. A refused update leaves the shadow dirty; it is rebuilt from the authoritative
 * copy the next time it is needed.
 *
 * Yjs client ids are unauthenticated, so each one is bound to the first person who wrote with it: someone
 * else's update carrying those ids would otherwise occupy clock ranges the real writer will use next.
 *
 * Whatever the sender may change, the result must have the model's shape (see validTransaction) and stay
 * under the caps on entries and on history (Yjs structs, tombstones included, which is what memory grows
 * with). A cap only refuses an update that grows past it, so deleting from a full balance always works.
 */
export class BalanceAuthority {
  readonly doc = createBoardDoc();
  private shadow: Y.Doc | null = null;
  /** Yjs client id -> pid that wrote with it. */
  readonly clients = new Map<number, string>();

  /** From the compacted state (with its bindings) and the updates logged since, each with its writer. */
  constructor(
    state: Uint8Array | null = null,
    clients: Record<string, string> = {},
    entries: { update: Uint8Array; by: string }[] = [],
  ) {
    if (state) Y.applyUpdate(this.doc, state);
    for (const [id, pid] of Object.entries(clients)) this.clients.set(Number(id), pid);
    for (const e of entries) this.commit(e.update, e.by);
  }

  /** Decides on an update without touching the authoritative doc; on success follow with `commit`. */
  check(update: Uint8Array, actor: Actor): Verdict {
    if (update.byteLength > BOARD_LIMITS.messageMax) return refuse('BAD_REQUEST');
    let writers: Map<number, number>;
    try {
      writers = Y.parseUpdateMeta(update).to;
    } catch {
      return refuse('BAD_REQUEST');
    }
    for (const client of writers.keys()) {
      const bound = this.clients.get(client);
      if (bound !== undefined && bound !== actor.pid) return refuse('FORBIDDEN');
    }
    // Cheap early refusal (no shadow rebuild) for the common forgery: a suggester writing into another root.
    if (actor.access === 'suggest' && !onlySuggestionRoots(update)) return refuse('FORBIDDEN');

    const shadow = this.ensureShadow();
    const before = Y.encodeStateVector(shadow);
    let tr: Y.Transaction | null = null;
    const capture = (t: Y.Transaction) => {
      if (t.origin === APPLY) tr = t;
    };
    shadow.on('afterTransaction', capture);
    try {
      Y.applyUpdate(shadow, update, APPLY);
    } catch {
      return this.dirty('BAD_REQUEST');
    } finally {
      shadow.off('afterTransaction', capture);
    }
    // Anything depending on what the server does not have would sit in the doc forever, unseen.
    if (shadow.store.pendingStructs || shadow.store.pendingDs) return this.dirty('CONFLICT');
    if ([...shadow.share.keys()].some((k) => !ROOTS.has(k))) return this.dirty('FORBIDDEN');
    const t = tr as Y.Transaction | null;
    if (actor.access === 'suggest' && t && !this.suggestionsOnly(t, shadow, actor.pid))
      return this.dirty('FORBIDDEN');
    if (t && !validTransaction(t, rootNamer(shadow))) return this.dirty('BAD_REQUEST');
    if (overCap(sizes(this.doc), sizes(shadow))) return this.dirty('LIMIT');
    const changed =
      !!t &&
      (t.changed.size > 0 ||
        t.deleteSet.clients.size > 0 ||
        !equalBytes(before, Y.encodeStateVector(shadow)));
    return { ok: true, changed };
  }

  /** Applies an update `check` accepted (and the caller persisted) to the authoritative copy. */
  commit(update: Uint8Array, by: string): void {
    Y.applyUpdate(this.doc, update);
    for (const client of Y.parseUpdateMeta(update).to.keys())
      if (!this.clients.has(client)) this.clients.set(client, by);
  }

  /**
   * The caller could not finish (e.g. the store failed) after a successful check; or nobody is editing,
   * and the shadow (as big as the document) need not stay in memory until somebody does.
   */
  abandon(): void {
    this.shadow = null;
  }

  encodeState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  clientsRecord(): Record<string, string> {
    return Object.fromEntries([...this.clients].map(([k, v]) => [String(k), v]));
  }

  /** Yjs structs in the authoritative copy: what its memory grows with. */
  structCount(): number {
    return structCount(this.doc);
  }

  /** Copies of the document held: the authoritative one, plus the shadow while it is kept. */
  get copies(): number {
    return this.shadow ? 2 : 1;
  }

  private dirty(error: Refusal): Verdict {
    this.shadow = null;
    return refuse(error);
  }

  private ensureShadow(): Y.Doc {
    if (!this.shadow) {
      this.shadow = createBoardDoc();
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
    }
    return this.shadow;
  }

  /**
   * Every change is a key of `suggestions` whose entry was, and remains, a well-formed one of the sender's,
   * and the sender does not end up with more open proposals than the cap (flooding someone's balance).
   */
  private suggestionsOnly(t: Y.Transaction, shadow: Y.Doc, pid: string): boolean {
    const target = shadow.getMap('suggestions');
    const current = this.doc.getMap('suggestions');
    const mine = (m: Y.Map<unknown>) => [...m.values()].filter((v) => authorOf(v) === pid).length;
    const after = mine(target);
    if (after > BOARD_LIMITS.openSuggestionsPerPerson && after > mine(current)) return false;
    for (const [type, keys] of t.changed) {
      if ((type as unknown) !== target) return false;
      for (const key of keys) {
        if (key === null) return false;
        const before: unknown = current.get(key);
        const after: unknown = target.get(key);
        if (before !== undefined && authorOf(before) !== pid) return false;
        if (after !== undefined) {
          const parsed = suggestionValue.safeParse(after);
          if (!parsed.success || parsed.data.by !== pid) return false;
        }
      }
    }
    return true;
  }
}

/** Maps each root type of `doc` back to its name, for the shape check. */
function rootNamer(doc: Y.Doc): (type: unknown) => BoardRoot | null {
  const names = new Map<unknown, BoardRoot>();
  for (const [name, type] of doc.share) if (ROOTS.has(name)) names.set(type, name as BoardRoot);
  return (type) => names.get(type) ?? null;
}

function structCount(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}

const sizes = (doc: Y.Doc) => ({
  items: doc.getMap('items').size,
  goals: doc.getMap('goals').size,
  suggestions: doc.getMap('suggestions').size,
  history: structCount(doc),
});

const CAPS: Record<keyof ReturnType<typeof sizes>, number> = {
  items: BOARD_LIMITS.itemsPerBalance,
  goals: BOARD_LIMITS.goalsPerBalance,
  suggestions: BOARD_LIMITS.suggestionsPerBalance,
  history: BOARD_LIMITS.historyMax,
};

/** A count over its cap that this update made grow (a balance already over a cap may still shrink). */
function overCap(before: ReturnType<typeof sizes>, after: ReturnType<typeof sizes>): boolean {
  return (Object.keys(CAPS) as (keyof typeof CAPS)[]).some((k) => after[k] > CAPS[k] && after[k] > before[k]);
}

const authorOf = (v: unknown) =>
  typeof v === 'object' && v !== null && 'by' in v ? (v as { by: unknown }).by : undefined;

/** False when the update names a root other than `suggestions` as an item's parent. */
function onlySuggestionRoots(update: Uint8Array): boolean {
  try {
    for (const s of Y.decodeUpdate(update).structs)
      if (s instanceof Y.Item && typeof s.parent === 'string' && s.parent !== 'suggestions') return false;
    return true;
  } catch {
    return false;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array) {
  return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
}
