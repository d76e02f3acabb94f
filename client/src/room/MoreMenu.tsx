import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/** Settings that are rarely needed and hard to undo, away from the hands: erasing one's identity. */
export function MoreMenu({ onErase }: { onErase: () => void }) {
  const [open, setOpen] = useState(false);
  const [erasing, setErasing] = useState(false);
  return (
    <div className="more">
      <button
        type="button"
        className="bar-button"
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
        <a href="#other-devices" onClick={() => setOpen(false)}>
          Your other devices
        </a>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setOpen(false);
            setErasing(true);
          }}
        >
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
