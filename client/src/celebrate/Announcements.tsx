import type { CelebrationAnnounced } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import { useServerState } from '../room/useServerState';
import { milestoneText } from './words';

const m = defineMessages({
  celebrates: {
    id: 'celebrate.Announcements.celebrates',
    defaultMessage: '{name} celebrates {milestone}',
    description: 'Announced to the group with the member’s permission: "Ana celebrates 90 days"',
  },
  label: { id: 'celebrate.Announcements.label', defaultMessage: 'Celebrations' },
});

/** What the room heard announced in this meeting (only milestones whose members said yes). */
export function Announcements() {
  const intl = useIntl();
  const [heard] = useServerState<CelebrationAnnounced[]>([], {
    on: { 'celebrate:announced': (c, { set }) => set((all) => [...all, c].slice(-5)) },
  });
  return (
    <section
      className={heard.length ? 'celebrations' : 'sr-only'}
      aria-label={intl.formatMessage(m.label)}
      aria-live="polite"
    >
      {heard.map((c, i) => (
        <p key={i} className="notice">
          <span aria-hidden="true">🎉 </span>
          {intl.formatMessage(m.celebrates, { name: c.name, milestone: milestoneText(intl, c) })}
        </p>
      ))}
    </section>
  );
}
