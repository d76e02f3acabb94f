import { useEffect, useRef } from 'react';
import type { Media } from './useMedia';

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
  const video = isMe
    ? media.snap?.localVideo
    : media.shown.has(pid)
      ? media.snap?.remote.get(pid)?.video
      : undefined;
  return (
    <>
      {video && <Track track={video} kind="video" label={`${name}'s camera`} />}
      {media.speaking.has(pid) && <span className="badge speaking-now">speaking</span>}
    </>
  );
}
