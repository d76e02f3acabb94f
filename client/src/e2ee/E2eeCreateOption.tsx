import { defineMessages, useIntl } from 'react-intl';

const m = defineMessages({
  label: { id: 'e2ee.E2eeCreateOption.label', defaultMessage: 'End-to-end encryption' },
  hint: {
    id: 'e2ee.E2eeCreateOption.hint',
    defaultMessage:
      'Audio, video and chat are encrypted in each browser; the server passes them on without being able to hear, see or read them. Facilitators can change this later in Group settings.',
  },
});

/** The create form's "End-to-end encryption" box: on unless the person creating the group unticks it. */
export function E2eeCreateOption({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const intl = useIntl();
  return (
    <>
      <div className="check">
        <input
          id="group-e2ee"
          type="checkbox"
          checked={checked}
          aria-describedby="group-e2ee-hint"
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor="group-e2ee">{intl.formatMessage(m.label)}</label>
      </div>
      <p className="hint" id="group-e2ee-hint">
        {intl.formatMessage(m.hint)}
      </p>
    </>
  );
}
