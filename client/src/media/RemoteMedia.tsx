import { useEffect, useRef } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { Media } from './useMedia';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  screen: { id: 'media.RemoteMedia.screen', defaultMessage: "{name}'s screen" },
  camera: { id: 'media.RemoteMedia.camera', defaultMessage: "{name}'s camera" },
  speaking: {
    id: 'media.RemoteMedia.speaking',
    defaultMessage: 'speaking',
    description: 'A badge on the seat of whoever is heard now (short)',
  },
});

function Track({ track, kind, label }: { track: MediaStreamTrack; kind: 'audio' | 'video'; label: string }) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = new MediaStream([track]);
  }, [track]);
  return kind === 'audio' ? (
    <audio ref={ref} autoPlay />
  ) : (
    <video ref={ref} className="tile" autoPlay playsInline muted aria-label={label} />
  );
}

/** Everyone's voice, played without any visible element. */
export function RemoteAudio({ media }: { media: Media }) {
  const entries = [...(media.snap?.remote.entries() ?? [])].filter(([, t]) => t.audio);
  return (
    <div hidden>
      {entries.map(([pid, t]) => (
        <Track key={pid} track={t.audio!} kind="audio" label="" />
      ))}
    </div>
  );
}

/** The screen being shared, if any: our own (as a preview) or the first one someone else shares. */
function sharedScreen(media: Media, myPid: string): { pid: string; track: MediaStreamTrack } | undefined {
  if (media.snap?.localScreen) return { pid: myPid, track: media.snap.localScreen };
  for (const [pid, t] of media.snap?.remote ?? []) if (t.screen) return { pid, track: t.screen };
  return undefined;
}

/** The camera track to show for a person: their own preview, or someone else's when it is shown. */
function videoOf(media: Media, pid: string, isMe: boolean): MediaStreamTrack | undefined {
  if (isMe) return media.snap?.localVideo ?? undefined;
  return media.shown.has(pid) ? media.snap?.remote.get(pid)?.video : undefined;
}

/**
 * The holder's camera, large in the middle of the ring, where everyone looks. Where the circle is a
 * grid (a phone, past twelve seats) the stylesheet hides it: the holder's card on top shows the camera.
 */
export function HolderStage({ media }: { media: Media }) {
  const intl = useIntl();
  const { view, me, nameOf } = useRoomContext();
  // A shared screen (a presentation, a film) takes the middle for everyone, before the holder's camera.
  const screen = sharedScreen(media, me.pid);
  if (screen)
    return (
      <div className="stage screen">
        <Track
          track={screen.track}
          kind="video"
          label={intl.formatMessage(m.screen, { name: nameOf(screen.pid) })}
        />
      </div>
    );
  const pid = view.floor.holder?.pid;
  const video = pid ? videoOf(media, pid, pid === me.pid) : undefined;
  if (!pid || !video) return null;
  return (
    <div className="stage">
      <Track track={video} kind="video" label={intl.formatMessage(m.camera, { name: nameOf(pid) })} />
    </div>
  );
}

/** What sits in a seat: the camera (if shown) and a speaking indicator. */
export function SeatMedia({
  media,
  pid,
  name,
  isMe,
}: {
  media: Media;
  pid: string;
  name: string;
  isMe: boolean;
}) {
  const intl = useIntl();
  const video = videoOf(media, pid, isMe);
  return (
    <>
      {video && <Track track={video} kind="video" label={intl.formatMessage(m.camera, { name })} />}
      {media.speaking.has(pid) && (
        <span className="badge speaking-now">{intl.formatMessage(m.speaking)}</span>
      )}
    </>
  );
}
