import type { IntlShape } from 'react-intl';
import { defineMessages } from 'react-intl';
import type { ExerciseRole } from '@circle/shared';

const m = defineMessages({
  newcomer: {
    id: 'exercise.roles.newcomer',
    defaultMessage: 'Newcomer',
    description: 'A role in the role-play',
  },
  leader: {
    id: 'exercise.roles.leader',
    defaultMessage: 'Leader',
    description: 'A role in the role-play: the one who facilitates the played meeting',
  },
  member: {
    id: 'exercise.roles.member',
    defaultMessage: 'Group member',
    description: 'A role in the role-play',
  },
  observer: {
    id: 'exercise.roles.observer',
    defaultMessage: 'Observer',
    description: 'A role in the role-play: watches from outside the circle and gives feedback at TIME OUT',
  },
});

export const EXERCISE_ROLE_ORDER: ExerciseRole[] = ['newcomer', 'leader', 'member', 'observer'];

export const roleName = (intl: IntlShape, role: ExerciseRole) => intl.formatMessage(m[role]);
