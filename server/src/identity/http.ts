import { DeviceCodeExchangeSchema, type DeviceCodeExchangeResult } from '@circle/shared';
import { Router } from 'express';
import { groupKey, type Groups } from '../groups/service.js';
import { clientAddress } from '../http/clientAddress.js';
import type { RoomRecord } from '../room/records.js';
import { meetingChannels } from '../room/Room.js';
import type { CircleServer } from '../socket/types.js';
import type { Store } from '../store/index.js';
import type { DeviceCodes } from './deviceCodes.js';
import { GuessLimit } from './guessLimit.js';
import type { Identities } from './service.js';

const WINDOW_MS = 15 * 60_000;

/**
 * The other device's side of adding a device: it posts the group's link and the code in the body (never
 * in an address) and gets the identity token back, once. Failures are counted per address and per group.
 */
export function deviceRoutes(deps: {
  groups: Groups;
  identities: Identities;
  codes: DeviceCodes;
  now: () => number;
  /** Reverse proxies in front whose X-Forwarded-For is believed (see clientAddress). */
  trustedProxies: number;
  /** Tells every device of that identity that another one now has it. */
  onAdded: (groupId: string, pid: string) => void;
}): Router {
  const router = Router();
  const perAddress = new GuessLimit(5, WINDOW_MS, deps.now);
  const perGroup = new GuessLimit(20, WINDOW_MS, deps.now);

  router.post('/api/device', async (req, res) => {
    const parsed = DeviceCodeExchangeSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'BAD_REQUEST' });
    // Behind the proxy every client shares its address: counting by it would let one guesser lock out all.
    const address = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      deps.trustedProxies,
    );
    if (perAddress.blocked(address)) return void res.status(429).json({ error: 'RATE_LIMITED' });
    // The public list's Join link is published: guesses made with it must not use up the group's budget.
    if (deps.groups.isListingToken(parsed.data.token))
      return void res.status(403).json({ error: 'FORBIDDEN' });
    const invite = await deps.groups.resolveInvite(parsed.data.token);
    if (!invite) {
      perAddress.fail(address);
      return void res.status(404).json({ error: 'INVALID_TOKEN' });
    }
    const groupId = invite.group.id;
    if (perGroup.blocked(groupId)) return void res.status(429).json({ error: 'RATE_LIMITED' });
    const pid = await deps.codes.redeem(groupId, parsed.data.code);
    const identity = pid ? await deps.identities.tokenFor(groupId, pid) : null;
    if (!pid || !identity) {
      perAddress.fail(address);
      perGroup.fail(groupId);
      return void res.status(404).json({ error: 'NOT_FOUND' });
    }
    deps.onAdded(groupId, pid);
    res.set('cache-control', 'no-store').json({ groupId, identity } satisfies DeviceCodeExchangeResult);
  });

  return router;
}

/** Every connection of that person in the meeting in progress, on any node, hears of the new device. */
export async function tellDevices(
  io: CircleServer,
  store: Store,
  groupId: string,
  pid: string,
): Promise<void> {
  const live = await store.get<RoomRecord>(`${groupKey(groupId)}room`);
  if (live) io.to(meetingChannels(groupId, live.meetingId).person(pid)).emit('identity:deviceAdded');
}
