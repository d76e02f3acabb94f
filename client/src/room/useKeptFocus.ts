import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** Whether the keyboard can still be on this element. */
function usable(el: HTMLElement): boolean {
  return el.isConnected && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0;
}

/** The first usable button of the bar with this slot, if any. */
function inSlot(bar: HTMLElement, slot: string | undefined): HTMLElement | null {
  if (!slot) return null;
  const found = [...bar.querySelectorAll<HTMLElement>(`[data-slot="${slot}"]`)];
  return found.find(usable) ?? null;
}

/**
 * Keeps the keyboard in the control bar when the room changes under it: when the button that had focus
 * goes (Raise hand becomes Lower hand, I'm done and Pass vanish as the word moves) or turns disabled,
 * focus moves to the button that took its place (the same `data-slot`), else to the floor button, else
 * to the bar's first button, instead of dropping to the page body where a screen reader starts over.
 * On entering the room (after Join or an admission, whose page is gone) focus starts in the bar too.
 */
export function useKeptFocus(bar: RefObject<HTMLElement | null>) {
  const last = useRef<{ el: HTMLElement; slot: string | undefined } | null>(null);

  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const el = event.target;
      // A dialog gives the keyboard back itself when it closes.
      if (el instanceof HTMLElement && el.closest('dialog')) return;
      const inBar = el instanceof HTMLElement && !!bar.current?.contains(el);
      last.current = inBar ? { el, slot: el.closest<HTMLElement>('[data-slot]')?.dataset.slot } : null;
    };
    // A click elsewhere on the page (not focusable) means the person left the bar on purpose.
    const onPointer = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !bar.current?.contains(event.target)) last.current = null;
    };
    document.addEventListener('focusin', onFocus);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [bar]);

  // After every render of the bar: the DOM is final here, before the browser paints or anything reads.
  useLayoutEffect(() => {
    const root = bar.current;
    const was = last.current;
    if (!root || !was || usable(was.el) || document.querySelector('dialog[open]')) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== was.el) return;
    firstUsable(root, was.slot)?.focus({ preventScroll: true });
  });

  useEffect(() => {
    const root = bar.current;
    const active = document.activeElement;
    if (root && (!active || active === document.body))
      firstUsable(root, undefined)?.focus({ preventScroll: true });
  }, [bar]);
}

function firstUsable(bar: HTMLElement, slot: string | undefined): HTMLElement | null {
  return (
    inSlot(bar, slot) ??
    inSlot(bar, 'floor') ??
    [...bar.querySelectorAll<HTMLElement>('button')].find(usable) ??
    null
  );
}
