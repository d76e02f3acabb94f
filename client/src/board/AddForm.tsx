import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { BOARD_LIMITS } from '@circle/shared';
import { ImportanceSelect } from './ImportanceSelect';

const m = defineMessages({
  importance: { id: 'board.AddForm.importance', defaultMessage: 'Importance' },
});

/** Text plus importance, then one button: used to add an item directly, or to propose one. */
export function AddForm({
  textLabel,
  button,
  onAdd,
}: {
  textLabel: string;
  button: string;
  onAdd: (text: string, importance: number) => void;
}) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [importance, setImportance] = useState(3);
  return (
    <form
      className="inline-form board-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onAdd(text, importance);
        setText('');
      }}
    >
      <input
        aria-label={textLabel}
        placeholder={textLabel}
        value={text}
        maxLength={BOARD_LIMITS.textMax}
        onChange={(e) => setText(e.target.value)}
      />
      <ImportanceSelect
        label={intl.formatMessage(m.importance)}
        value={importance}
        onChange={setImportance}
      />
      <button type="submit">{button}</button>
    </form>
  );
}
