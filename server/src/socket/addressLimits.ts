import type { IncomingMessage } from 'node:http';
import type { AbuseLimits } from '../config.js';
import { clientAddress } from '../http/clientAddress.js';
import type { CircleServer } from './types.js';
import { KeyedRateLimiter } from './rateLimit.js';

/** The part of an Engine.IO connection used here (the underlying transport, below Socket.IO). */
interface EngineConnection {
  request: IncomingMessage;
  close(): void;
  once(event: 'close', listener: () => void): void;
}

/**
 * Per-address limits on this node's Socket.IO connections, so that one client (or one link passed around)
 * cannot hold thousands of idle connections or hammer `room:join`, each of which loads a group and may
 * write an identity. A whole group behind one NAT (a clinic, a shelter) stays far below the defaults.
 */
export class AddressLimits {
  private readonly open = new Map<string, number>();
  private readonly joins: KeyedRateLimiter;

  constructor(
    io: CircleServer,
    private readonly limits: AbuseLimits,
    now: () => number = Date.now,
  ) {
    this.joins = new KeyedRateLimiter(
      limits.joinsPerAddressPerMinute / 60,
      limits.joinsPerAddressPerMinute,
      now,
    );
    const engine = io.engine;
    // Refused at the handshake, before Engine.IO keeps any state for the connection.
    engine.opts.allowRequest = (req, answer) => {
      const full = this.countOf(this.addressOf(req)) >= limits.connectionsPerAddress;
      answer(full ? 'TOO_MANY_CONNECTIONS' : null, !full);
    };
    engine.on('connection', (raw: EngineConnection) => {
      const address = this.addressOf(raw.request);
      const count = this.countOf(address) + 1;
      this.open.set(address, count);
      raw.once('close', () => {
        const left = this.countOf(address) - 1;
        if (left > 0) this.open.set(address, left);
        else this.open.delete(address);
      });
      // Handshakes run concurrently, so several may pass the check above at once: the count decides here.
      if (count > limits.connectionsPerAddress) raw.close();
    });
  }

  /** Takes one join attempt from the bucket of the address `req` comes from. */
  mayJoin(req: IncomingMessage): boolean {
    return this.joins.take(this.addressOf(req));
  }

  addressOf(req: IncomingMessage): string {
    return clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      this.limits.trustedProxies,
    );
  }

  private countOf(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
