import { useState } from 'react';
import { useRoomContext } from '../room/RoomContext';

const FIELDS = [
  ['title', 'Title'],
  ['setup', 'Set-up'],
  ['forGroup', 'Instructions for the group'],
  ['forLeaders', 'Instructions for the leaders'],
  ['forNewcomer', 'Instructions for the newcomer (optional)'],
  ['forObservers', 'Instructions for the observers'],
] as const;

/** Facilitators write their own scenarios; they are kept with the group for later meetings. */
export function ScenarioForm({ onSaved }: { onSaved: () => void }) {
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
      <summary>Write a scenario</summary>
      {FIELDS.map(([key, label]) => (
        <div key={key} className="field">
          <label htmlFor={`scenario-${key}`}>{label}</label>
          <textarea
            id={`scenario-${key}`}
            rows={key === 'title' ? 1 : 2}
            value={fields[key] ?? ''}
            onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
          />
        </div>
      ))}
      <label htmlFor="scenario-focus">Observers’ focus questions (one per line)</label>
      <textarea id="scenario-focus" rows={3} value={focus} onChange={(e) => setFocus(e.target.value)} />
      <button type="button" onClick={() => void save()}>
        Save the scenario
      </button>
    </details>
  );
}
