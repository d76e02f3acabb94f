import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addItem, readModel, readSyncMessage, syncStep2 } from '@circle/shared';
import type { BoardOpened } from '@circle/shared';
import type { CircleSocket } from '../socket';
import { BalanceSync } from './BalanceSync';

type Ack = (err: Error | null, res: { ok: true; data: unknown } | { ok: false; error: string }) => void;

/**
 * A stand-in for one connection: records what was sent and lets the test answer each call when it likes
 * (or never), the way a slow or dropped connection would.
 */
class FakeConnection {
  connected = true;
  sent: { event: string; payload: { id: string; sync?: Uint8Array }; answer: (data: unknown) => void }[] = [];
  private handlers = new Map<string, Set<(...a: unknown[]) => void>>();

  on(event: string, fn: (...a: unknown[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(fn);
    return this;
  }
  off(event: string, fn: (...a: unknown[]) => void) {
    this.handlers.get(event)?.delete(fn);
    return this;
  }
  timeout() {
    return {
      emit: (event: string, payload: { id: string; sync?: Uint8Array }, ack: Ack) => {
        this.sent.push({ event, payload, answer: (data) => ack(null, { ok: true, data }) });
      },
    };
  }
  drop() {
    this.connected = false;
    for (const fn of this.handlers.get('disconnect') ?? []) fn('transport close');
  }
  calls(event: string) {
    return this.sent.filter((s) => s.event === event);
  }
  get socket() {
    return this as unknown as CircleSocket;
  }
}

/** The server's copy of the balance: answers opens with what the client lacks and stores updates. */
class Authority {
  doc = new Y.Doc();
  answerOpen(c: FakeConnection) {
    const open = c.calls('board:open').at(-1)!;
    const m = readSyncMessage(open.payload.sync!);
    if (m.type !== 'step1') throw new Error('expected step 1');
    const opened: BoardOpened = {
      balance: { id: 'b1', owner: 'p1', title: 'Drinking', shared: false, createdAt: 0 },
      access: 'edit',
      sync: syncStep2(this.doc, m.stateVector),
      awareness: null,
      previous: null,
    };
    open.answer(opened);
  }
  store(message: Uint8Array) {
    const m = readSyncMessage(message);
    if (m.type !== 'step1') Y.applyUpdate(this.doc, m.update);
  }
}

const texts = (doc: Y.Doc) =>
  readModel(doc)
    .items['now-good'].map((i) => i.text)
    .sort();

describe('BalanceSync: the outbox across reconnects', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends edits made offline after the next open, once', async () => {
    const server = new Authority();
    const sync = new BalanceSync('b1');
    const first = new FakeConnection();
    sync.attach(first.socket);
    server.answerOpen(first);
    await vi.advanceTimersByTimeAsync(100);
    expect(sync.status).toBe('open');

    first.drop();
    sync.detach();
    addItem(sync.replica.doc, 'now-good', 'walks', 3);
    await vi.advanceTimersByTimeAsync(100);
    expect(first.calls('board:update')).toHaveLength(0);
    expect(sync.replica.pending).toBe(1);

    const second = new FakeConnection();
    sync.attach(second.socket);
    await vi.advanceTimersByTimeAsync(100);
    // Nothing goes out before the server's answer to the open.
    expect(second.calls('board:update')).toHaveLength(0);
    server.answerOpen(second);
    await vi.advanceTimersByTimeAsync(100);
    const [update] = second.calls('board:update');
    expect(update).toBeDefined();
    server.store(update!.payload.sync!);
    update!.answer(null);
    await vi.advanceTimersByTimeAsync(100);
    expect(sync.replica.pending).toBe(0);
    expect(second.calls('board:update')).toHaveLength(1);
    expect(texts(server.doc)).toEqual(['walks']);
    sync.close();
  });

  it('a late answer from the old connection does not drop changes the new one has not stored', async () => {
    const server = new Authority();
    const sync = new BalanceSync('b1');
    const first = new FakeConnection();
    sync.attach(first.socket);
    server.answerOpen(first);
    await vi.advanceTimersByTimeAsync(100);
    addItem(sync.replica.doc, 'now-good', 'walks', 3);
    await vi.advanceTimersByTimeAsync(100);
    const [lost] = first.calls('board:update');
    expect(lost).toBeDefined();

    // The connection drops with the update unanswered; a new one opens.
    first.drop();
    sync.detach();
    const second = new FakeConnection();
    sync.attach(second.socket);
    server.answerOpen(second);
    await vi.advanceTimersByTimeAsync(100);
    expect(second.calls('board:update')).toHaveLength(1);

    // The old answer arrives late: the change stays queued until the new connection's answer.
    lost!.answer(null);
    await vi.advanceTimersByTimeAsync(100);
    expect(sync.replica.pending).toBe(1);

    const [resent] = second.calls('board:update');
    server.store(resent!.payload.sync!);
    resent!.answer(null);
    await vi.advanceTimersByTimeAsync(100);
    expect(sync.replica.pending).toBe(0);
    expect(texts(server.doc)).toEqual(['walks']);
    sync.close();
  });
});
