import type { IceServer } from '@circle/shared';
import { createHmac, randomBytes } from 'node:crypto';

/** coturn's `use-auth-secret` (the "TURN REST API"): a secret shared with the TURN server, no user list. */
export interface TurnConfig {
  secret: string;
  /** e.g. turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349 */
  urls: string[];
  /** How long minted credentials are valid. */
  ttlSec: number;
}

/**
 * Credentials for one person, valid `ttlSec` from `nowMs`: username `<expiry unix seconds>:<random id>`,
 * credential base64(HMAC-SHA1(secret, username)), which coturn recomputes and checks, refusing expired ones.
 * A static TURN password in every browser would let anyone who once had a link relay through the server
 * forever; these stop working on their own. The random id ties nothing to the person in coturn's logs.
 */
export function mintTurnCredentials(turn: TurnConfig, nowMs: number): IceServer {
  const expiry = Math.floor(nowMs / 1000) + turn.ttlSec;
  const username = `${expiry}:${randomBytes(9).toString('base64url')}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return { urls: turn.urls, username, credential };
}

/** The ICE servers for one `media:join`: the configured static ones, and fresh TURN credentials if set up. */
export function iceServersFor(
  config: { iceServers: IceServer[]; turn?: TurnConfig },
  nowMs: number,
): IceServer[] {
  return config.turn ? [...config.iceServers, mintTurnCredentials(config.turn, nowMs)] : config.iceServers;
}

/**
 * TURN from CIRCLE_TURN_SECRET and CIRCLE_TURN_URLS (comma separated); CIRCLE_TURN_TTL_SEC, by default 6 hours:
 * coturn checks the expiry on every refresh of a relay, so it must outlast the longest meeting (4 hours).
 */
export function loadTurnConfig(env: NodeJS.ProcessEnv): TurnConfig | undefined {
  const urls = (env.CIRCLE_TURN_URLS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!env.CIRCLE_TURN_SECRET || !urls.length) return undefined;
  return { secret: env.CIRCLE_TURN_SECRET, urls, ttlSec: Number(env.CIRCLE_TURN_TTL_SEC ?? 21_600) };
}
