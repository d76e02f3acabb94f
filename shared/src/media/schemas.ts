import { z } from 'zod';
import { id } from '../schemaParts.js';

/*
 * WebRTC parameters come from the browser (mediasoup-client) and are untrusted. These schemas bound their
 * shape and size; mediasoup validates the semantics again and a refusal there becomes BAD_REQUEST.
 */
const short = z.string().max(128);
const params = z.record(z.string().max(64), z.union([z.string().max(256), z.number(), z.boolean()]));
const feedback = z.array(z.object({ type: short, parameter: short.optional() }).strict()).max(16);

const codec = z
  .object({
    mimeType: short,
    payloadType: z.number().int().min(0).max(127),
    clockRate: z.number().int().positive(),
    channels: z.number().int().min(1).max(8).optional(),
    parameters: params.optional(),
    rtcpFeedback: feedback.optional(),
  })
  .strict();

const headerExtension = z
  .object({
    uri: z.string().max(256),
    id: z.number().int().min(1).max(255),
    encrypt: z.boolean().optional(),
    parameters: params.optional(),
  })
  .strict();

const encoding = z
  .object({
    ssrc: z.number().int().nonnegative().optional(),
    rid: short.optional(),
    codecPayloadType: z.number().int().optional(),
    rtx: z.object({ ssrc: z.number().int().nonnegative() }).strict().optional(),
    dtx: z.boolean().optional(),
    scalabilityMode: short.optional(),
    scaleResolutionDownBy: z.number().optional(),
    maxBitrate: z.number().optional(),
    maxFramerate: z.number().optional(),
    adaptivePtime: z.boolean().optional(),
    priority: z.enum(['very-low', 'low', 'medium', 'high']).optional(),
    networkPriority: z.enum(['very-low', 'low', 'medium', 'high']).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const rtpParametersSchema = z
  .object({
    mid: short.optional(),
    codecs: z.array(codec).min(1).max(16),
    headerExtensions: z.array(headerExtension).max(24).optional(),
    encodings: z.array(encoding).max(4).optional(),
    rtcp: z
      .object({ cname: short.optional(), reducedSize: z.boolean().optional(), mux: z.boolean().optional() })
      .strict()
      .optional(),
    msid: short.optional(),
  })
  .strict();

const capabilityCodec = z
  .object({
    kind: z.enum(['audio', 'video']),
    mimeType: short,
    preferredPayloadType: z.number().int().min(0).max(127).optional(),
    clockRate: z.number().int().positive(),
    channels: z.number().int().min(1).max(8).optional(),
    parameters: params.optional(),
    rtcpFeedback: feedback.optional(),
  })
  .strict();

export const rtpCapabilitiesSchema = z
  .object({
    codecs: z.array(capabilityCodec).max(64).optional(),
    headerExtensions: z
      .array(
        z
          .object({
            kind: z.enum(['audio', 'video']),
            uri: z.string().max(256),
            preferredId: z.number().int().min(1).max(255),
            preferredEncrypt: z.boolean().optional(),
            direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
          })
          .strict(),
      )
      .max(32)
      .optional(),
  })
  .strict();

export const dtlsParametersSchema = z
  .object({
    role: z.enum(['auto', 'client', 'server']).optional(),
    fingerprints: z
      .array(z.object({ algorithm: z.string().max(16), value: z.string().max(256) }).strict())
      .min(1)
      .max(5),
  })
  .strict();

/** A shared screen (a presentation, a film) is a video producer of its own, beside the camera. */
export const MEDIA_SOURCES = ['mic', 'camera', 'screen'] as const;
export type MediaSource = (typeof MEDIA_SOURCES)[number];
const source = z.enum(MEDIA_SOURCES);

export const mediaEventSchemas = {
  'media:join': z.object({}).strict(),
  'media:transport': z.object({ direction: z.enum(['send', 'recv']) }).strict(),
  'media:connect': z.object({ transportId: id, dtlsParameters: dtlsParametersSchema }).strict(),
  'media:restartIce': z.object({ transportId: id }).strict(),
  'media:produce': z
    .object({
      transportId: id,
      kind: z.enum(['audio', 'video']),
      source,
      rtpParameters: rtpParametersSchema,
      paused: z.boolean().optional(),
    })
    .strict()
    // The codecs say what the media is, whatever `kind` claims: Opus sent as a "camera" would be heard
    // past a microphone hold. (The source must match the kind too; the server checks that.)
    .refine((p) => p.rtpParameters.codecs.every((c) => c.mimeType.toLowerCase().startsWith(`${p.kind}/`)), {
      message: 'codecs must match the kind',
    }),
  'media:consume': z.object({ producerId: id, rtpCapabilities: rtpCapabilitiesSchema }).strict(),
  'media:consumerPause': z.object({ consumerId: id }).strict(),
  'media:consumerResume': z.object({ consumerId: id }).strict(),
  'media:pause': z.object({ source }).strict(),
  'media:resume': z.object({ source }).strict(),
  'media:close': z.object({ source }).strict(),
  'media:mute': z.object({ pid: id }).strict(),
  'media:muteAll': z.object({}).strict(),
  'media:release': z.object({ pid: id.optional() }).strict(),
  'media:strict': z.object({ on: z.boolean() }).strict(),
  'media:memberScreens': z.object({ on: z.boolean() }).strict(),
} as const;

/** Transport parameters as mediasoup-client's Device.createSendTransport/createRecvTransport take them. */
export interface TransportOptions {
  id: string;
  iceParameters: unknown;
  iceCandidates: unknown[];
  dtlsParameters: unknown;
  iceServers: IceServer[];
}

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface ConsumerOptions {
  consumerId: string;
  producerId: string;
  pid: string;
  source: MediaSource;
  kind: 'audio' | 'video';
  rtpParameters: unknown;
}

export interface MediaEventResults {
  'media:join': { routerRtpCapabilities: unknown; iceServers: IceServer[] };
  'media:transport': TransportOptions;
  'media:connect': null;
  'media:restartIce': { iceParameters: unknown };
  'media:produce': { producerId: string };
  'media:consume': ConsumerOptions;
  'media:consumerPause': null;
  'media:consumerResume': null;
  'media:pause': null;
  'media:resume': null;
  'media:close': null;
  'media:mute': null;
  'media:muteAll': null;
  'media:release': null;
  'media:strict': null;
  'media:memberScreens': null;
}

export interface PublishedTrack {
  producerId: string;
  pid: string;
  source: MediaSource;
  kind: 'audio' | 'video';
  /** Paused on the server: by its owner, a facilitator's hold, or stepping out. */
  paused: boolean;
}

/** The room's media picture, sent to every admitted participant after each change. */
export interface MediaView {
  tracks: PublishedTrack[];
  /** People whose microphone a facilitator holds: they cannot unmute until released. */
  held: string[];
  strict: boolean;
  /** Members may share their screen (facilitators always may). */
  membersMayShare: boolean;
}

export interface MediaServerEvents {
  'media:state': (view: MediaView) => void;
  /** Who is speaking now (from audio levels), sent only when it changes. */
  'media:speaking': (pids: string[]) => void;
  /** The router was recreated (its worker died): close everything and set media up again. */
  'media:restart': () => void;
  /**
   * The server closed one of this connection's consumers (its producer went, or this person was cut off):
   * the browser drops it too.
   */
  'media:consumerClosed': (p: { consumerId: string }) => void;
}
