import { AppError } from '../errors.js';
import { defineDomain } from '../domain.js';
import type { Groups } from '../groups/service.js';
import type { HandlerTable } from '../socket/context.js';

/**
 * The facilitators' hold on who may come in: replacing a link (the old one is refused from then on,
 * people already inside keep their place) and letting back in someone removed from the group.
 * Group changes run in the room's turn, like the settings, so two facilitators apply one after the other.
 */
export const inviteDomain = (deps: { groups: Groups; now: () => number }) =>
  defineDomain({ name: 'invite', handlers: inviteHandlers(deps) });

const inviteHandlers = ({ groups, now }: { groups: Groups; now: () => number }) =>
  ({
    'invite:replace': ({ room }, p) => {
      const expiresAt = p.expiresAt ?? null;
      if (expiresAt !== null && expiresAt <= now()) throw new AppError('BAD_REQUEST');
      return room.change(async () => {
        const { group, link } = await groups.replaceInvite(room.group, p.role, expiresAt);
        room.group = group;
        return { link, expiresAt };
      });
    },

    'invite:excluded': async ({ room }) => room.group.excluded ?? [],

    'invite:letBack': ({ room }, p) =>
      room.change(async () => {
        room.group = await groups.letBack(room.group, p.pid);
        return null;
      }),
  }) satisfies HandlerTable;
