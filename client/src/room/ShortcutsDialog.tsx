import { ConfirmDialog } from './ConfirmDialog';
import { SHORTCUTS } from './shortcuts';

/** The list of keyboard shortcuts, from the More menu or the `?` key. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ConfirmDialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <p className="hint">
        They work anywhere in the room except while you type in a field, and never with Ctrl, Alt or ⌘.
      </p>
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key.toUpperCase()}</kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </ConfirmDialog>
  );
}
