import type { IntlShape } from 'react-intl';
import { defineMessages } from 'react-intl';
import type { NudgePreset } from '@circle/shared';

/** The gentle notes a facilitator can send: UI text, so each member reads them in their own language. */
const m = defineMessages({
  share: { id: 'moderation.nudgePresets.share', defaultMessage: "Let's give others a chance to share." },
  'own-experience': {
    id: 'moderation.nudgePresets.ownExperience',
    defaultMessage: "Let's keep to our own experience.",
    description: 'Asks the person to speak from their own experience (“I”), not to advise or judge others',
  },
  close: { id: 'moderation.nudgePresets.close', defaultMessage: 'Could you bring it gently to a close?' },
  breathe: {
    id: 'moderation.nudgePresets.breathe',
    defaultMessage: 'Please take a breath; we are here with you.',
  },
} satisfies Record<NudgePreset, unknown>);

export const nudgeText = (intl: IntlShape, preset: NudgePreset) => intl.formatMessage(m[preset]);
