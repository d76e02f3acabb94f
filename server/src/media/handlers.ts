import type { types } from 'mediasoup';
type DtlsParameters = types.DtlsParameters;
import { AppError } from '../errors.js';
import type { HandlerTable, JoinedContext } from '../socket/context.js';
import type { MediaRoom } from './MediaRoom.js';

async function withMedia<T>(ctx: JoinedContext, fn: (m: MediaRoom) => Promise<T>): Promise<T> {
  const service = ctx.services.media;
  if (!service) throw new AppError('UNAVAILABLE');
  const media = await service.forRoom(ctx.room);
  return media.run(() => {
    // Cut off (removed, sent to the lobby…) while this request waited its turn: nothing more for them.
    if (!ctx.room.record.participants[ctx.pid]?.admitted) throw new AppError('NOT_ADMITTED');
    return fn(media);
  });
}

const members = (ctx: JoinedContext) =>
  Object.values(ctx.room.record.participants)
    .filter((p) => p.role === 'member')
    .map((p) => p.pid);

export const mediaHandlers = {
  'media:join': (ctx) =>
    withMedia(ctx, async (m) => {
      // The joining socket gets the current picture at once; later changes come with everyone else's.
      ctx.socket.emit('media:state', m.view());
      return { routerRtpCapabilities: m.rtpCapabilities, iceServers: ctx.services.mediaIceServers() };
    }),
  'media:transport': (ctx, p) =>
    withMedia(ctx, (m) => m.createTransport(ctx.socket.id, ctx.pid, p.direction)),
  'media:connect': (ctx, p) =>
    withMedia(ctx, async (m) => {
      const t = m.transport(ctx.socket.id, p.transportId);
      await t.connect({ dtlsParameters: p.dtlsParameters as DtlsParameters }).catch(() => {
        throw new AppError('BAD_REQUEST');
      });
      return null;
    }),
  'media:restartIce': (ctx, p) =>
    withMedia(ctx, async (m) => ({
      iceParameters: await m.transport(ctx.socket.id, p.transportId).restartIce(),
    })),
  'media:produce': (ctx, p) =>
    withMedia(ctx, async (m) => ({ producerId: await m.produce(ctx.socket.id, ctx.pid, p) })),
  'media:consume': (ctx, p) =>
    withMedia(ctx, (m) => m.consume(ctx.socket.id, ctx.pid, p.producerId, p.rtpCapabilities)),
  'media:consumerPause': (ctx, p) =>
    withMedia(ctx, async (m) => (await m.setConsumerPaused(ctx.socket.id, p.consumerId, true), null)),
  'media:consumerResume': (ctx, p) =>
    withMedia(ctx, async (m) => (await m.setConsumerPaused(ctx.socket.id, p.consumerId, false), null)),
  'media:pause': (ctx, p) =>
    withMedia(ctx, async (m) => (await m.setSelfPaused(ctx.pid, p.source, true), null)),
  'media:resume': (ctx, p) =>
    withMedia(ctx, async (m) => (await m.setSelfPaused(ctx.pid, p.source, false), null)),
  'media:close': (ctx, p) => withMedia(ctx, async (m) => (await m.closeSource(ctx.pid, p.source), null)),
  'media:mute': (ctx, p) =>
    withMedia(ctx, async (m) => {
      if (ctx.room.record.participants[p.pid]?.role !== 'member') throw new AppError('NOT_FOUND');
      await m.setHeld([p.pid], true);
      return null;
    }),
  'media:muteAll': (ctx) => withMedia(ctx, async (m) => (await m.setHeld(members(ctx), true), null)),
  'media:release': (ctx, p) =>
    withMedia(ctx, async (m) => (await m.setHeld(p.pid ? [p.pid] : [...m.held], false), null)),
  'media:strict': (ctx, p) => withMedia(ctx, async (m) => (await m.setStrict(p.on), null)),
} satisfies HandlerTable;
