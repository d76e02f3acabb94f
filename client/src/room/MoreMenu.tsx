import { useRef, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { ConfirmDialog } from './ConfirmDialog';

const m = defineMessages({
  more: { id: 'room.MoreMenu.more', defaultMessage: 'More', description: 'Button that opens more settings' },
  otherDevices: { id: 'room.MoreMenu.otherDevices', defaultMessage: 'Your other devices' },
  shortcuts: { id: 'room.MoreMenu.shortcuts', defaultMessage: 'Keyboard shortcuts' },
  erase: { id: 'room.MoreMenu.erase', defaultMessage: 'Erase my identity' },
  eraseTitle: { id: 'room.MoreMenu.eraseTitle', defaultMessage: 'Erase your identity?' },
  eraseText: {
    id: 'room.MoreMenu.eraseText',
    defaultMessage:
      'Erase your identity? You will leave the room, and neither this browser nor the server will remember you. Your other devices will no longer be able to join as you.',
  },
  eraseYes: { id: 'room.MoreMenu.eraseYes', defaultMessage: 'Yes, erase my identity' },
  cancel: { id: 'room.MoreMenu.cancel', defaultMessage: 'Cancel' },
});

interface Props {
  onErase: () => void;
  /** In the room: the list of keyboard shortcuts (the lobby has none). */
  onShortcuts?: () => void;
  /** Media actions that do not earn a place on the bar (sharing a screen). */
  items?: { label: string; onSelect: () => void }[];
  /** In the room: the Language picker lives here (above the page it would cost a phone a line). */
  language?: boolean;
}

/** Settings that are rarely needed and hard to undo, away from the hands: erasing one's identity. */
export function MoreMenu({ onErase, onShortcuts, items = [], language = false }: Props) {
  const intl = useIntl();
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
        <span className="bar-label">{intl.formatMessage(m.more)}</span>
      </button>
      <div id="more-menu" className="more-menu" hidden={!open}>
        {items.map((item) => (
          <button key={item.label} type="button" onClick={() => choose(item.onSelect)}>
            {item.label}
          </button>
        ))}
        {language && <LanguagePicker />}
        <a href="#other-devices" onClick={() => setOpen(false)}>
          {intl.formatMessage(m.otherDevices)}
        </a>
        {onShortcuts && (
          <button type="button" onClick={() => choose(onShortcuts)}>
            {intl.formatMessage(m.shortcuts)}
          </button>
        )}
        <button type="button" className="danger" onClick={() => choose(() => setErasing(true))}>
          {intl.formatMessage(m.erase)}
        </button>
      </div>
      <ConfirmDialog
        open={erasing}
        title={intl.formatMessage(m.eraseTitle)}
        onClose={() => setErasing(false)}
      >
        <p>{intl.formatMessage(m.eraseText)}</p>
        <div className="button-row">
          <button type="button" className="danger" onClick={onErase}>
            {intl.formatMessage(m.eraseYes)}
          </button>
          <button type="button" className="primary" onClick={() => setErasing(false)} autoFocus>
            {intl.formatMessage(m.cancel)}
          </button>
        </div>
      </ConfirmDialog>
    </div>
  );
}
