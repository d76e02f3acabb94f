import type { Role } from '@circle/shared';
import { defineMessages } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';

/** A role's name, as a person reads it beside their name (`intl.formatMessage(ROLE_LABELS[role])`). */
export const ROLE_LABELS: Record<Role, MessageDescriptor> = defineMessages({
  facilitator: { id: 'app.labels.role.facilitator', defaultMessage: 'Facilitator' },
  member: { id: 'app.labels.role.member', defaultMessage: 'Member' },
  observer: {
    id: 'app.labels.role.observer',
    defaultMessage: 'Observer',
    description: 'Someone who listens to the meeting without a seat in the circle',
  },
});

/** What a role means, said to the person invited as it. */
export const ROLE_HINTS: Record<Role, MessageDescriptor> = defineMessages({
  facilitator: {
    id: 'app.labels.hint.facilitator',
    defaultMessage: 'You guide the meeting: you give the word, start rounds and let people in.',
    description: '"Give the word": let someone speak; "rounds": go-arounds of the circle',
  },
  member: {
    id: 'app.labels.hint.member',
    defaultMessage: 'You take a seat in the circle and can ask for the word.',
  },
  observer: { id: 'app.labels.hint.observer', defaultMessage: 'You listen without a seat in the circle.' },
});
