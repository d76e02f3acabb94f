import { defineMessages, useIntl } from 'react-intl';
import { ConfirmDialog } from './ConfirmDialog';
import { SHORTCUTS } from './shortcuts';

const m = defineMessages({
  title: { id: 'room.ShortcutsDialog.title', defaultMessage: 'Keyboard shortcuts' },
  hint: {
    id: 'room.ShortcutsDialog.hint',
    defaultMessage:
      'They work anywhere in the room except while you type in a field, and never with Ctrl, Alt or ⌘.',
    description: 'Ctrl, Alt and ⌘ are the names of keys: keep them as on the keyboard',
  },
  close: { id: 'room.ShortcutsDialog.close', defaultMessage: 'Close' },
});

/** The list of keyboard shortcuts, from the More menu or the `?` key. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const intl = useIntl();
  const title = intl.formatMessage(m.title);
  return (
    <ConfirmDialog open={open} title={title} onClose={onClose}>
      <h2>{title}</h2>
      <p className="hint">{intl.formatMessage(m.hint)}</p>
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key.toUpperCase()}</kbd>
            </dt>
            <dd>{intl.formatMessage(s.what)}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {intl.formatMessage(m.close)}
        </button>
      </div>
    </ConfirmDialog>
  );
}
