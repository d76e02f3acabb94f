import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  open: boolean;
  /** The dialog's name, read first. */
  title: string;
  children: ReactNode;
  onClose: () => void;
}

/** A real modal dialog (the native <dialog>): focus moves in, Escape closes it, the page behind is inert. */
export function ConfirmDialog({ open, title, children, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-label={title} onClose={onClose}>
      {open && children}
    </dialog>
  );
}
