import type { BoardOpened } from '@circle/shared';
import { Replica, toBytes } from '@circle/shared';
import type * as Y from 'yjs';
import { call, ok, type TestSocket } from './client.js';

/** A balance kept in sync over a real socket the way the browser does it: a Replica plus its outbox. */
export class BoardPeer {
  opened: BoardOpened | null = null;
  received = 0;

  /** Pass an existing replica to reconnect it, as the browser keeps its copy across reconnects. */
  constructor(
    readonly socket: TestSocket,
    readonly id: string,
    readonly replica = new Replica(),
  ) {
    socket.on('board:update', (id, bytes) => {
      if (id !== this.id) return;
      this.received++;
      this.replica.applyRemote(bytes);
    });
  }

  get doc(): Y.Doc {
    return this.replica.doc;
  }

  async open(): Promise<BoardOpened> {
    this.opened = await ok(this.socket, 'board:open', { id: this.id, sync: this.replica.openMessage() });
    this.replica.applyOpened(toBytes(this.opened.sync));
    return this.opened;
  }

  /** Makes a change locally and sends it; resolves with the server's answer (the outbox keeps refused ones). */
  async edit(fn: (doc: Y.Doc) => unknown) {
    fn(this.replica.doc);
    return this.flush();
  }

  async flush() {
    const batch = this.replica.nextBatch();
    if (!batch) return { ok: true as const, data: null };
    const ack = await call(this.socket, 'board:update', { id: this.id, sync: batch.message });
    if (ack.ok) this.replica.acked(batch.count);
    return ack;
  }
}
