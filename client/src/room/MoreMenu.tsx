import { useRef, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  onErase: () => void;
  /** In the room: the list of keyboard shortcuts (the lobby has none). */
  onShortcuts?: () => void;
  /** Media actions that do not earn a place on the bar (sharing a screen). */
  items?: { label: string; onSelect: () => void }[];
}

/** Settings that are rarely needed and hard to undo, away from the hands: erasing one's identity. */
export function MoreMenu({ onErase, onShortcuts, items = [] }: Props) {
  const [open, setOpen] = useState(false);
  const [erasing, setErasing] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  // The menu's items hide when chosen: the keyboard goes back to More, where a dialog returns it on close.
  const choose = (then: () => void) => {
    setOpen(false);
    more.current?.focus();
    then();
  };
  return (
    <div className="more">
      <button
        ref={more}
        type="button"
        className="bar-button"
        data-slot="more"
        aria-expanded={open}
        aria-controls="more-menu"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="bar-icon">
          ⋯
        </span>
        <span className="bar-label">More</span>
      </button>
      <div id="more-menu" className="more-menu" hidden={!open}>
        {items.map((item) => (
          <button key={item.label} type="button" onClick={() => choose(item.onSelect)}>
            {item.label}
          </button>
        ))}
        <a href="#other-devices" onClick={() => setOpen(false)}>
          Your other devices
        </a>
        {onShortcuts && (
          <button type="button" onClick={() => choose(onShortcuts)}>
            Keyboard shortcuts
          </button>
        )}
        <button type="button" className="danger" onClick={() => choose(() => setErasing(true))}>
          Erase my identity
        </button>
      </div>
      <ConfirmDialog open={erasing} title="Erase your identity?" onClose={() => setErasing(false)}>
        <p>
          Erase your identity? You will leave the room, and neither this browser nor the server will remember
          you. Your other devices will no longer be able to join as you.
        </p>
        <div className="button-row">
          <button type="button" className="danger" onClick={onErase}>
            Yes, erase my identity
          </button>
          <button type="button" className="primary" onClick={() => setErasing(false)} autoFocus>
            Cancel
          </button>
        </div>
      </ConfirmDialog>
    </div>
  );
}
