import { useEffect, useState } from 'react';
import type { NotesBody } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import type { Unread } from '../e2ee/messages/useOpened';
import { openNotes, type Notes } from '../e2ee/messages/words';

/**
 * An observer's shared notes as this browser reads them: in clear as they are; sealed ones opened with
 * the meeting's key (`from` is the writer's pid, bound into them), tried again when a new key arrives.
 * Null while opening.
 */
export function useOpenedNotes(body: NotesBody, from: string | undefined): Notes | { unread: Unread } | null {
  const { e2ee, view } = useRoomContext();
  const meetingId = view.meetingId;
  const sealed = body.sealed;
  const [opened, setOpened] = useState<Notes | { unread: Unread } | null>(null);
  const [epoch, setEpoch] = useState(() => e2ee.keys.current?.epoch ?? null);
  useEffect(() => e2ee.keys.subscribe((k) => setEpoch(k?.epoch ?? null)), [e2ee.keys]);
  useEffect(() => {
    if (!sealed) return;
    if (!from || !e2ee.enabled) return setOpened({ unread: 'no-key' });
    let stopped = false;
    void openNotes(e2ee.keys, { meetingId, from }, sealed).then(
      (r) => !stopped && setOpened(r.ok ? r.notes : { unread: r.reason }),
    );
    return () => {
      stopped = true;
    };
  }, [sealed, from, meetingId, e2ee, epoch]);
  if (!sealed) return { text: body.text, checked: body.checked };
  return opened;
}
