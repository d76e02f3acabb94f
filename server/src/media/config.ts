import { cpus } from 'node:os';
import type { IceServer } from '@circle/shared';
import { loadTurnConfig, type TurnConfig } from './turn.js';

export interface MediaConfig {
  workers: number;
  /** Address WebRTC transports listen on. */
  listenIp: string;
  /** Address or hostname announced to browsers (the public one behind NAT). */
  announcedAddress?: string;
  /**
   * Worker i listens on this port + i, UDP and TCP: every transport of a worker shares its one
   * WebRtcServer, so a firewall opens one port per worker. 0 lets each worker take any free port (tests).
   */
  basePort: number;
  iceServers: IceServer[];
  /**
   * Receivers (receive transports) a meeting's main router takes before the meeting spreads over the
   * node's other workers: an ordinary circle stays on one worker, without pipes between routers.
   */
  spreadAt: number;
  /** Short-lived TURN credentials minted per person (coturn use-auth-secret), when configured. */
  turn?: TurnConfig;
}

export function loadMediaConfig(env: NodeJS.ProcessEnv = process.env): MediaConfig {
  const workers = Number(env.MEDIASOUP_WORKERS ?? cpus().length);
  const basePort = Number(env.CIRCLE_MEDIA_PORT ?? 40000);
  // A wrong port would only show as browsers that never connect: refuse to start instead.
  if (!Number.isInteger(basePort) || basePort < 0 || basePort + workers - 1 > 65535)
    throw new Error('CIRCLE_MEDIA_PORT must be a port number (0: any free port)');
  const spreadAt = Number(env.CIRCLE_MEDIA_SPREAD_AT ?? 40);
  if (!Number.isInteger(spreadAt) || spreadAt < 0)
    throw new Error('CIRCLE_MEDIA_SPREAD_AT must be a whole number of receivers (0: spread at once)');
  return {
    workers,
    listenIp: env.MEDIASOUP_LISTEN_IP ?? '0.0.0.0',
    announcedAddress: env.MEDIASOUP_ANNOUNCED_ADDRESS || (env.MEDIASOUP_LISTEN_IP ? undefined : '127.0.0.1'),
    basePort,
    spreadAt,
    iceServers: env.CIRCLE_ICE_SERVERS ? (JSON.parse(env.CIRCLE_ICE_SERVERS) as IceServer[]) : [],
    turn: loadTurnConfig(env),
  };
}
