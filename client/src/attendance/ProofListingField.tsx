import { defineMessages, useIntl } from 'react-intl';

const m = defineMessages({
  offered: {
    id: 'attendance.ProofListingField.offered',
    defaultMessage: 'Members can ask for a proof of attendance',
    description: 'A switch of the public listing; the meeting feed then says "proof of attendance" (POA)',
  },
});

/** Whether the public list says that the group gives proofs of attendance (TSML `POA`). */
export function ProofListingField({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const intl = useIntl();
  return (
    <label>
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />{' '}
      {intl.formatMessage(m.offered)}
    </label>
  );
}
