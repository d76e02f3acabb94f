import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem as addItemTo } from './edit.js';
import { readModel } from './model.js';
import { readSyncMessage, syncStep2, updateMessage } from './protocol.js';
import { Replica } from './replica.js';

/** A local edit, as the board's actions make them: one item in one quadrant. */
const addItem = (r: Replica, text: string) => addItemTo(r.doc, 'now-good', text, 3);

/** The server's copy: it stores what a client sends and answers an open with everything the client lacks. */
class Server {
  doc = new Y.Doc();
  store(message: Uint8Array) {
    const m = readSyncMessage(message);
    if (m.type !== 'step1') Y.applyUpdate(this.doc, m.update);
  }
  answerOpen(step1: Uint8Array): Uint8Array {
    const m = readSyncMessage(step1);
    if (m.type !== 'step1') throw new Error('expected step 1');
    return syncStep2(this.doc, m.stateVector);
  }
}

describe('the balance replica outbox', () => {
  it('queues local changes, not the ones that came from the server', () => {
    const r = new Replica();
    addItem(r, 'walks');
    addItem(r, 'sleep');
    expect(r.pending).toBe(2);

    const other = new Replica();
    addItem(other, 'friends');
    r.applyRemote(other.nextBatch()!.message);
    expect(r.pending).toBe(2);
    expect(
      readModel(r.doc)
        .items['now-good'].map((i) => i.text)
        .sort(),
    ).toEqual(['friends', 'sleep', 'walks']);
  });

  it('drops a change only once the server acknowledged it: an unanswered send goes again', () => {
    const r = new Replica();
    addItem(r, 'walks');
    const lost = r.nextBatch()!;
    // The connection dropped before the answer: nothing is acknowledged, the same change is offered again.
    expect(r.pending).toBe(1);
    const again = r.nextBatch()!;
    expect(again.count).toBe(1);
    expect(again.message).toEqual(lost.message);
    r.acked(again.count);
    expect(r.pending).toBe(0);
    expect(r.nextBatch()).toBeNull();
  });

  it('sends edits made offline after the next open, and the server ends with them', () => {
    const server = new Server();
    const r = new Replica();
    r.applyOpened(server.answerOpen(r.openMessage()));
    addItem(r, 'walks');
    addItem(r, 'sleep');
    // Offline: nothing is sent. On reconnect the copy opens again, then flushes its outbox.
    r.applyOpened(server.answerOpen(r.openMessage()));
    const batch = r.nextBatch()!;
    expect(batch.count).toBe(2);
    server.store(batch.message);
    r.acked(batch.count);
    expect(r.pending).toBe(0);
    expect(readModel(server.doc)).toEqual(readModel(r.doc));
  });

  it('merges queued changes up to the size cap, and keeps the rest for the next batch', () => {
    const one = new Replica();
    addItem(one, 'x'.repeat(100));
    const size = one.nextBatch()!.message.byteLength;
    // Room for about two changes per message.
    const r = new Replica(size * 2 + 10);
    for (let i = 0; i < 5; i++) addItem(r, 'x'.repeat(100));
    const first = r.nextBatch()!;
    expect(first.count).toBeGreaterThanOrEqual(1);
    expect(first.count).toBeLessThan(5);
    const server = new Server();
    let sent = 0;
    for (let batch = first; batch; batch = r.nextBatch()!) {
      server.store(batch.message);
      r.acked(batch.count);
      sent += batch.count;
      if (r.pending === 0) break;
    }
    expect(sent).toBe(5);
    expect(readModel(server.doc).items['now-good']).toHaveLength(5);
  });

  it('refuses to send a single change larger than the cap instead of splitting it', () => {
    const r = new Replica(50);
    addItem(r, 'x'.repeat(200));
    expect(() => r.nextBatch()).toThrow(/too large/);
  });

  it('a reset after a refusal empties the outbox and waits for the server copy before editing', () => {
    const r = new Replica();
    r.applyOpened(new Server().answerOpen(r.openMessage()));
    addItem(r, 'walks');
    r.reset();
    expect(r.pending).toBe(0);
    expect(r.synced).toBe(false);
    expect(readModel(r.doc).items['now-good']).toEqual([]);
    // Changes after the reset queue in the new document's outbox.
    addItem(r, 'sleep');
    expect(r.pending).toBe(1);
  });

  it('an update message from the server is applied once, even if it arrives twice', () => {
    const source = new Replica();
    addItem(source, 'walks');
    const { message } = source.nextBatch()!;
    const r = new Replica();
    r.applyRemote(message);
    r.applyRemote(updateMessage(Y.encodeStateAsUpdate(source.doc)));
    expect(readModel(r.doc).items['now-good']).toHaveLength(1);
    expect(r.pending).toBe(0);
  });
});
