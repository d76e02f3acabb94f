import type { Role } from '@circle/shared';

export const ROLE_LABELS: Record<Role, string> = {
  facilitator: 'Facilitator',
  member: 'Member',
  observer: 'Observer',
};

export const ROLE_HINTS: Record<Role, string> = {
  facilitator: 'You guide the meeting: you give the word, start rounds and let people in.',
  member: 'You take a seat in the circle and can ask for the word.',
  observer: 'You listen without a seat in the circle.',
};
