import { cpus } from 'node:os';
import type { IceServer } from '@circle/shared';
import { loadTurnConfig, type TurnConfig } from './turn.js';

export interface MediaConfig {
  workers: number;
  /** Address WebRTC transports listen on. */
  listenIp: string;
  /** Address or hostname announced to browsers (the public one behind NAT). */
  announcedAddress?: string;
  minPort: number;
  maxPort: number;
  iceServers: IceServer[];
  /** Short-lived TURN credentials minted per person (coturn use-auth-secret), when configured. */
  turn?: TurnConfig;
}

export function loadMediaConfig(env: NodeJS.ProcessEnv = process.env): MediaConfig {
  return {
    workers: Number(env.MEDIASOUP_WORKERS ?? cpus().length),
    listenIp: env.MEDIASOUP_LISTEN_IP ?? '0.0.0.0',
    announcedAddress: env.MEDIASOUP_ANNOUNCED_ADDRESS || (env.MEDIASOUP_LISTEN_IP ? undefined : '127.0.0.1'),
    minPort: Number(env.MEDIASOUP_MIN_PORT ?? 40000),
    maxPort: Number(env.MEDIASOUP_MAX_PORT ?? 49999),
    iceServers: env.CIRCLE_ICE_SERVERS ? (JSON.parse(env.CIRCLE_ICE_SERVERS) as IceServer[]) : [],
    turn: loadTurnConfig(env),
  };
}
