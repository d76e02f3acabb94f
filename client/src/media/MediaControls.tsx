import type { Role } from '@circle/shared';
import type { Media } from './useMedia';

/** Your own microphone and camera. Observers listen and watch; they never publish. */
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
  // A held microphone is muted whatever this browser thinks; show it so, and out of the member's reach.
  const micOn = (media.snap?.micOn ?? false) && !media.held;
  const cameraOn = media.snap?.cameraOn ?? false;
  const ready = !!media.snap?.publishing;
  return (
    <section className="media-controls" aria-label="Audio and video">
      <div className="button-row">
        <button type="button" disabled={!ready || media.held} onClick={() => void media.setMic(!micOn)}>
          {micOn ? 'Mute microphone' : 'Unmute microphone'}
        </button>
        <button type="button" disabled={!ready} onClick={() => void media.setCamera(!cameraOn)}>
          {cameraOn ? 'Turn camera off' : 'Turn camera on'}
        </button>
      </div>
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
