import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  title: { id: 'exercise.ScenarioForm.title', defaultMessage: 'Title' },
  setup: { id: 'exercise.ScenarioForm.setup', defaultMessage: 'Set-up' },
  forGroup: { id: 'exercise.ScenarioForm.forGroup', defaultMessage: 'Instructions for the group' },
  forLeaders: { id: 'exercise.ScenarioForm.forLeaders', defaultMessage: 'Instructions for the leaders' },
  forNewcomer: {
    id: 'exercise.ScenarioForm.forNewcomer',
    defaultMessage: 'Instructions for the newcomer (optional)',
  },
  forObservers: {
    id: 'exercise.ScenarioForm.forObservers',
    defaultMessage: 'Instructions for the observers',
  },
  write: { id: 'exercise.ScenarioForm.write', defaultMessage: 'Write a scenario' },
  focus: {
    id: 'exercise.ScenarioForm.focus',
    defaultMessage: 'Observers’ focus questions (one per line)',
  },
  save: { id: 'exercise.ScenarioForm.save', defaultMessage: 'Save the scenario' },
});

// What facilitators write here is the group's content, kept and shown as they wrote it.
const FIELDS = ['title', 'setup', 'forGroup', 'forLeaders', 'forNewcomer', 'forObservers'] as const;

/** Facilitators write their own scenarios; they are kept with the group for later meetings. */
export function ScenarioForm({ onSaved }: { onSaved: () => void }) {
  const intl = useIntl();
  const { act } = useRoomContext();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [focus, setFocus] = useState('');
  async function save() {
    const ok = await act('exercise:saveScenario', {
      title: fields.title ?? '',
      setup: fields.setup ?? '',
      forGroup: fields.forGroup ?? '',
      forLeaders: fields.forLeaders ?? '',
      ...(fields.forNewcomer ? { forNewcomer: fields.forNewcomer } : {}),
      forObservers: fields.forObservers ?? '',
      focus: focus
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean),
    });
    if (ok) {
      setFields({});
      setFocus('');
      onSaved();
    }
  }
  return (
    <details>
      <summary>{intl.formatMessage(m.write)}</summary>
      {FIELDS.map((key) => (
        <div key={key} className="field">
          <label htmlFor={`scenario-${key}`}>{intl.formatMessage(m[key])}</label>
          <textarea
            id={`scenario-${key}`}
            rows={key === 'title' ? 1 : 2}
            value={fields[key] ?? ''}
            onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
          />
        </div>
      ))}
      <label htmlFor="scenario-focus">{intl.formatMessage(m.focus)}</label>
      <textarea id="scenario-focus" rows={3} value={focus} onChange={(e) => setFocus(e.target.value)} />
      <button type="button" onClick={() => void save()}>
        {intl.formatMessage(m.save)}
      </button>
    </details>
  );
}
