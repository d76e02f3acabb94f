/**
 * The order of one meeting's media changes. A change of the whole meeting (a sync after the floor moved,
 * a hold, a new producer, a transport) runs alone, after everything before it. A connection's requests
 * about its own consumers (consume, pause, resume) run in order for that connection but beside those of
 * other connections: when a listener is given the word, 299 people ask for a consumer of their microphone
 * at once, and taking them one at a time (a worker round trip each, twice) left the speaker unheard for
 * seconds. They still wait for the whole-meeting change before them, and the next one waits for them.
 */
export class MediaTurns {
  private chain: Promise<unknown> = Promise.resolve();
  /** The open batch of connections' own requests, which later ones of any connection may join. */
  private batch: {
    start: Promise<unknown>;
    all: Promise<unknown>[];
    last: Map<string, Promise<unknown>>;
  } | null = null;

  /** Runs `fn` alone, after every change and request queued before it. */
  alone<T>(fn: () => Promise<T>): Promise<T> {
    this.batch = null;
    const next = this.chain.then(fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Runs `fn`, a request of connection `key` about its own consumers, beside other connections' requests. */
  own<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const batch = this.batch ?? this.open();
    const before = batch.last.get(key) ?? batch.start;
    const next = before.then(fn);
    const settled = next.catch(() => undefined);
    batch.last.set(key, settled);
    batch.all.push(settled);
    return next;
  }

  private open() {
    const batch = {
      start: this.chain,
      all: [] as Promise<unknown>[],
      last: new Map<string, Promise<unknown>>(),
    };
    this.batch = batch;
    // The chain moves on once every request of the batch has settled, counting those that join meanwhile;
    // the batch closes in the same step as its last request is seen settled, so none can join too late.
    this.chain = (async () => {
      await batch.start;
      for (let seen = 0; seen < batch.all.length;) {
        const waiting = batch.all.slice(seen);
        seen = batch.all.length;
        await Promise.all(waiting);
      }
      if (this.batch === batch) this.batch = null;
    })();
    return batch;
  }
}
