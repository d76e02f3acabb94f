import { defineMessages, useIntl } from 'react-intl';
import type { BuddyCompanion } from '@circle/shared';

const m = defineMessages({
  theyWaitForYou: {
    id: 'buddy.CompanionNote.theyWaitForYou',
    defaultMessage: '{name}, who invited you, is waiting here too. You will go in together.',
  },
  theyAreInside: {
    id: 'buddy.CompanionNote.theyAreInside',
    defaultMessage: '{name}, who invited you, is already inside. You will sit next to them.',
  },
  yourGuestWaits: {
    id: 'buddy.CompanionNote.yourGuestWaits',
    defaultMessage: '{name}, whom you invited, is waiting here too. You will go in together.',
  },
  yourGuestInside: {
    id: 'buddy.CompanionNote.yourGuestInside',
    defaultMessage: '{name}, whom you invited, is already inside. You will sit next to them.',
  },
  sideBySide: {
    id: 'buddy.CompanionNote.sideBySide',
    defaultMessage: 'You sit next to {name}, who came with you.',
  },
});

/**
 * Where the person one came with (or brought) is: in the lobby, said while waiting; in the room, one
 * line under the circle. Only the two of them ever see it.
 */
export function CompanionNote({
  companion,
  inRoom = false,
}: {
  companion: BuddyCompanion | null;
  inRoom?: boolean;
}) {
  const intl = useIntl();
  if (!companion) return null;
  const { name } = companion;
  if (inRoom) {
    if (companion.waiting) return null;
    return <p className="hint buddy-note">{intl.formatMessage(m.sideBySide, { name })}</p>;
  }
  const key = companion.iAmNewcomer
    ? companion.waiting
      ? 'theyWaitForYou'
      : 'theyAreInside'
    : companion.waiting
      ? 'yourGuestWaits'
      : 'yourGuestInside';
  return (
    <p className="notice buddy-note" role="status">
      {intl.formatMessage(m[key], { name })}
    </p>
  );
}
