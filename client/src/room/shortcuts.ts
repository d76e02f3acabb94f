import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { defineMessages } from 'react-intl';

const m = defineMessages({
  mic: { id: 'room.shortcuts.mic', defaultMessage: 'Turn your microphone on or off' },
  camera: { id: 'room.shortcuts.camera', defaultMessage: 'Turn your camera on or off' },
  hand: { id: 'room.shortcuts.hand', defaultMessage: 'Raise or lower your hand' },
  done: {
    id: 'room.shortcuts.done',
    defaultMessage: "I'm done (while you have the word)",
    description: "I'm done: the button that ends your turn and hands the word on",
  },
  pass: {
    id: 'room.shortcuts.pass',
    defaultMessage: 'Pass (while you have the word)',
    description: 'Pass: the button to skip your turn without speaking',
  },
  help: { id: 'room.shortcuts.help', defaultMessage: 'Show these shortcuts' },
});

/** One key per everyday action of the control bar; the buttons carry the same key as `data-shortcut`. */
export const SHORTCUTS = [
  { key: 'm', what: m.mic },
  { key: 'v', what: m.camera },
  { key: 'r', what: m.hand },
  { key: 'd', what: m.done },
  { key: 'p', what: m.pass },
  { key: '?', what: m.help },
] as const;

/** Props that mark a control bar button as the one a key presses. */
export function shortcutProps(key: string) {
  return { 'data-shortcut': key, 'aria-keyshortcuts': key.toUpperCase() };
}

/** Whether a key press belongs to something else: typing in a field, a browser or system shortcut. */
export function isForSomethingElse(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented || event.repeat) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The room's keyboard shortcuts. A letter presses the bar's button for it, focused first, so the
 * keyboard lands on the control that acted (and follows it when the bar changes); a disabled or absent
 * button (no word to pass, a held microphone) makes the key do nothing. Nothing fires while a dialog
 * is open: the page behind it is inert.
 */
export function useShortcuts(bar: RefObject<HTMLElement | null>, showHelp: () => void) {
  const help = useRef(showHelp);
  help.current = showHelp;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isForSomethingElse(event) || document.querySelector('dialog[open]')) return;
      if (event.key === '?') {
        event.preventDefault();
        help.current();
        return;
      }
      const key = event.key.toLowerCase();
      if (!SHORTCUTS.some((s) => s.key === key)) return;
      const button = bar.current?.querySelector<HTMLButtonElement>(`[data-shortcut="${key}"]`);
      if (!button || button.disabled) return;
      event.preventDefault();
      button.focus();
      button.click();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [bar]);
}
