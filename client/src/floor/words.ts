import { defineMessages } from 'react-intl';

/** Where a seated person is, as the seat and the lists say it ("here" is never said). */
export const PRESENCE = defineMessages({
  away: {
    id: 'floor.words.presence.away',
    defaultMessage: 'away',
    description: 'Stepped out for a moment, seat kept',
  },
  offline: { id: 'floor.words.presence.offline', defaultMessage: 'offline' },
  gone: { id: 'floor.words.presence.gone', defaultMessage: 'gone', description: 'Has left the room' },
});

/** How a person's turn in the current go-around went, on their seat. */
export const MARK = defineMessages({
  spoke: { id: 'floor.words.mark.spoke', defaultMessage: 'spoke' },
  passed: {
    id: 'floor.words.mark.passed',
    defaultMessage: 'passed',
    description: 'Chose to pass: skipped their own turn without speaking',
  },
  skipped: {
    id: 'floor.words.mark.skipped',
    defaultMessage: 'skipped',
    description: 'A facilitator skipped their turn (they were away)',
  },
});
