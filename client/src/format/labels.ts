import { defineMessages } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import type { FormatPartKind, MeetingRole } from '@circle/shared';

export const KIND_LABELS: Record<FormatPartKind, MessageDescriptor> = defineMessages({
  reading: { id: 'format.labels.reading', defaultMessage: 'Reading' },
  'go-around': {
    id: 'format.labels.goAround',
    defaultMessage: 'Go-around',
    description: 'Everyone speaks in turn, in seat order',
  },
  'open-sharing': {
    id: 'format.labels.openSharing',
    defaultMessage: 'Open sharing',
    description: 'Whoever raises a hand gets the word, in order',
  },
  announcements: { id: 'format.labels.announcements', defaultMessage: 'Announcements' },
  silence: { id: 'format.labels.silence', defaultMessage: 'Silence' },
});

export const ROLE_NAMES: Record<MeetingRole, MessageDescriptor> = defineMessages({
  reader: {
    id: 'format.labels.reader',
    defaultMessage: 'Reader',
    description: 'A member who reads the meeting’s texts aloud',
  },
  timekeeper: {
    id: 'format.labels.timekeeper',
    defaultMessage: 'Timekeeper',
    description: 'A member who watches turn time and may gently signal it',
  },
});
