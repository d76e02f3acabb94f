import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** Whether the keyboard can still be on this element. */
function usable(el: HTMLElement): boolean {
  return el.isConnected && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0;
}

/** The first usable button of the box with this slot, if any. */
function inSlot(box: HTMLElement, slot: string | undefined): HTMLElement | null {
  if (!slot) return null;
  const found = [...box.querySelectorAll<HTMLElement>(`[data-slot="${slot}"]`)];
  return found.find(usable) ?? null;
}

/**
 * Keeps the keyboard inside `box` (the control bar, a list of things to answer) when the room changes
 * under it: when the button that had focus goes (Raise hand becomes Lower hand, I'm done and Pass vanish
 * as the word moves, a knock is let in) or turns disabled, focus moves to the button that took its place
 * (the same `data-slot`), else to the floor button, else to the first button left, else to the box itself
 * (when it can take focus), instead of dropping to the page body where a screen reader starts over.
 * With `onEntry`, focus also starts there on entering the room (the Join or lobby page is gone).
 */
export function useKeptFocus(box: RefObject<HTMLElement | null>, { onEntry = false } = {}) {
  const last = useRef<{ el: HTMLElement; slot: string | undefined } | null>(null);

  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const el = event.target;
      // A dialog gives the keyboard back itself when it closes.
      if (el instanceof HTMLElement && el.closest('dialog')) return;
      const inside = el instanceof HTMLElement && !!box.current?.contains(el);
      last.current = inside ? { el, slot: el.closest<HTMLElement>('[data-slot]')?.dataset.slot } : null;
    };
    // A click elsewhere on the page (not focusable) means the person left the box on purpose.
    const onPointer = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !box.current?.contains(event.target)) last.current = null;
    };
    document.addEventListener('focusin', onFocus);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [box]);

  // After every render of the component that holds the box: the DOM is final here, before the browser paints or anything reads.
  useLayoutEffect(() => {
    const root = box.current;
    const was = last.current;
    if (!root || !was || usable(was.el) || document.querySelector('dialog[open]')) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== was.el) return;
    firstUsable(root, was.slot)?.focus({ preventScroll: true });
  });

  useEffect(() => {
    const root = box.current;
    const active = document.activeElement;
    if (onEntry && root && (!active || active === document.body))
      firstUsable(root, undefined)?.focus({ preventScroll: true });
  }, [box, onEntry]);
}

function firstUsable(box: HTMLElement, slot: string | undefined): HTMLElement | null {
  return (
    inSlot(box, slot) ??
    inSlot(box, 'floor') ??
    [...box.querySelectorAll<HTMLElement>('button')].find(usable) ??
    (box.hasAttribute('tabindex') ? box : null)
  );
}
