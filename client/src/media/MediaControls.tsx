import type { Role } from '@circle/shared';
import type { Media } from './useMedia';

/** Your own microphone and camera, for the control bar. Observers listen and watch; they never publish. */
export function MediaButtons({ media, role }: { media: Media; role: Role }) {
  if (role === 'observer') return null;
  // A held microphone is muted whatever this browser thinks; show it so, and out of the member's reach.
  const micOn = (media.snap?.micOn ?? false) && !media.held;
  const cameraOn = media.snap?.cameraOn ?? false;
  const ready = !!media.snap?.publishing;
  return (
    <>
      <button
        type="button"
        className="bar-button"
        disabled={!ready || media.held}
        onClick={() => void media.setMic(!micOn)}
      >
        <span aria-hidden="true" className="bar-icon">
          {micOn ? '🎙' : '🔇'}
        </span>
        <span className="bar-label">{micOn ? 'Mute microphone' : 'Unmute microphone'}</span>
      </button>
      <button
        type="button"
        className="bar-button"
        disabled={!ready}
        onClick={() => void media.setCamera(!cameraOn)}
      >
        <span aria-hidden="true" className="bar-icon">
          📷
        </span>
        <span className="bar-label">{cameraOn ? 'Turn camera off' : 'Turn camera on'}</span>
      </button>
    </>
  );
}

/** Why your microphone is silent, and what the room's media rules are. */
export function MediaControls({ media, role }: { media: Media; role: Role }) {
  if (role === 'observer') {
    return (
      <section className="media-controls" aria-label="Audio and video">
        <p className="hint">
          You are observing: you see and hear the circle, and your microphone and camera stay off.
        </p>
        {media.error && <p className="error">{media.error}</p>}
      </section>
    );
  }
  if (!media.held && !media.view?.strict && !media.error) return null;
  return (
    <section className="media-controls" aria-label="Audio and video">
      {media.held && (
        <p className="status-text" role="status">
          A facilitator has muted your microphone for now. They can give it back.
        </p>
      )}
      {media.view?.strict && (
        <p className="hint">
          Strict circle: only the person holding the word (and the facilitators) can be heard.
        </p>
      )}
      {media.error && <p className="error">{media.error}</p>}
    </section>
  );
}
