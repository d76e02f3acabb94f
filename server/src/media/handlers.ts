import type { types } from 'mediasoup';
type DtlsParameters = types.DtlsParameters;
import { AppError } from '../errors.js';
import type { IceServer } from '@circle/shared';
import { groupE2ee } from '@circle/shared';
import { defineDomain } from '../domain.js';
import type { HandlerTable, JoinedContext } from '../socket/context.js';
import { mayProduce, silenceListeners } from './listeners.js';
import type { MediaRoom } from './MediaRoom.js';
import type { MediaService } from './service.js';

async function withMedia<T>(
  service: MediaService | undefined,
  ctx: JoinedContext,
  fn: (m: MediaRoom) => Promise<T>,
  /** A request about this connection's own consumers: it runs beside other connections' (MediaTurns). */
  own = false,
): Promise<T> {
  // An encrypted group's media is for browsers that encrypt it: one that said it cannot gets none.
  if (groupE2ee(ctx.room.group.settings) && ctx.session.encrypts !== true) throw new AppError('FORBIDDEN');
  if (!service) throw new AppError('UNAVAILABLE');
  const media = await service.forRoom(ctx.room);
  const turn = <R>(f: () => Promise<R>) => (own ? media.runFor(ctx.socket.id, f) : media.run(f));
  return turn(() => {
    // Cut off (removed, sent to the lobby…) while this request waited its turn: nothing more for them.
    if (!ctx.room.record.participants[ctx.pid]?.admitted) throw new AppError('NOT_ADMITTED');
    return fn(media);
  });
}

/** Mute all: the members who can be heard. A listener is, only while holding the word (see listeners.ts). */
const members = (ctx: JoinedContext) =>
  Object.values(ctx.room.record.participants)
    .filter((p) => p.role === 'member' && (!p.listener || ctx.room.record.floor.holder?.pid === p.pid))
    .map((p) => p.pid);

export interface MediaDeps {
  /** Absent when no mediasoup worker could start: media events then answer UNAVAILABLE. */
  media?: MediaService;
  /** Fresh for each `media:join`: TURN credentials are minted per person and expire. */
  iceServers: () => IceServer[];
}

/** Audio and video through the SFU; a socket that goes takes its transports with it. */
export const mediaDomain = (deps: MediaDeps) =>
  defineDomain({
    name: 'media',
    handlers: mediaHandlers(deps),
    socketGone: (groupId, socketId) => deps.media?.socketGone(groupId, socketId),
    attach: (room) => deps.media && silenceListeners(deps.media, room),
    close: () => deps.media?.close(),
  });

const mediaHandlers = ({ media, iceServers }: MediaDeps) =>
  ({
    'media:join': (ctx) =>
      withMedia(media, ctx, async (m) => {
        // The joining socket gets the current picture at once; later changes come with everyone else's.
        ctx.socket.emit('media:state', m.view());
        return { routerRtpCapabilities: m.rtpCapabilities, iceServers: iceServers() };
      }),
    'media:transport': (ctx, p) =>
      withMedia(media, ctx, (m) => m.createTransport(ctx.socket.id, ctx.pid, p.direction)),
    'media:connect': (ctx, p) =>
      withMedia(media, ctx, async (m) => {
        const t = m.transport(ctx.socket.id, p.transportId);
        await t.connect({ dtlsParameters: p.dtlsParameters as DtlsParameters }).catch(() => {
          throw new AppError('BAD_REQUEST');
        });
        return null;
      }),
    'media:restartIce': (ctx, p) =>
      withMedia(media, ctx, async (m) => ({
        iceParameters: await m.transport(ctx.socket.id, p.transportId).restartIce(),
      })),
    'media:produce': (ctx, p) =>
      withMedia(media, ctx, async (m) => {
        // Checked in the media's turn, against the record as it is now: the word may just have moved.
        if (!mayProduce(ctx.room.record, ctx.pid, p.source)) throw new AppError('FORBIDDEN');
        return { producerId: await m.produce(ctx.socket.id, ctx.pid, p) };
      }),
    'media:consume': (ctx, p) =>
      withMedia(media, ctx, (m) => m.consume(ctx.socket.id, ctx.pid, p.producerId, p.rtpCapabilities), true),
    'media:consumerPause': (ctx, p) =>
      withMedia(
        media,
        ctx,
        async (m) => (await m.setConsumerPaused(ctx.socket.id, p.consumerId, true), null),
        true,
      ),
    'media:consumerResume': (ctx, p) =>
      withMedia(
        media,
        ctx,
        async (m) => (await m.setConsumerPaused(ctx.socket.id, p.consumerId, false), null),
        true,
      ),
    'media:pause': (ctx, p) =>
      withMedia(media, ctx, async (m) => (await m.setSelfPaused(ctx.pid, p.source, true), null)),
    'media:resume': (ctx, p) =>
      withMedia(media, ctx, async (m) => (await m.setSelfPaused(ctx.pid, p.source, false), null)),
    'media:close': (ctx, p) =>
      withMedia(media, ctx, async (m) => (await m.closeSource(ctx.pid, p.source), null)),
    'media:mute': (ctx, p) =>
      withMedia(media, ctx, async (m) => {
        if (ctx.room.record.participants[p.pid]?.role !== 'member') throw new AppError('NOT_FOUND');
        await m.setHeld([p.pid], true);
        return null;
      }),
    'media:muteAll': (ctx) => withMedia(media, ctx, async (m) => (await m.setHeld(members(ctx), true), null)),
    'media:release': (ctx, p) =>
      withMedia(media, ctx, async (m) => (await m.setHeld(p.pid ? [p.pid] : [...m.held], false), null)),
    'media:strict': (ctx, p) => withMedia(media, ctx, async (m) => (await m.setStrict(p.on), null)),
    'media:memberScreens': (ctx, p) =>
      withMedia(media, ctx, async (m) => (await m.setMembersMayShare(p.on), null)),
  }) satisfies HandlerTable;
