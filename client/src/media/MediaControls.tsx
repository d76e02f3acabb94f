import type { Role } from '@circle/shared';
import type { Media } from './useMedia';
import { shortcutProps } from '../room/shortcuts';

/** What the microphone button shows under its name: its state, and who decided it when it was not you. */
function micState(micOn: boolean, held: boolean, silenced: boolean): string {
  if (held) return 'Held by a facilitator';
  if (silenced) return 'Silenced for the exercise';
  return micOn ? 'On' : 'Muted';
}

interface ButtonsProps {
  media: Media;
  role: Role;
  /** A role-play keeps this person silent for now (an observer while it runs). */
  silenced: boolean;
}

/** Your own microphone and camera, for the control bar. Observers listen and watch; they never publish. */
export function MediaButtons({ media, role, silenced }: ButtonsProps) {
  if (role === 'observer') return null;
  // A held microphone is muted whatever this browser thinks; show it so, and out of the member's reach.
  const micOn = (media.snap?.micOn ?? false) && !media.held;
  const cameraOn = media.snap?.cameraOn ?? false;
  const ready = !!media.snap?.publishing;
  const state = micState(micOn, media.held, silenced && micOn);
  return (
    <>
      {/* The name says what a press does (the e2e tests and voice control use it); aria-pressed and the
          visible state say what is true now: pressed means muted, as on a mute switch. */}
      <button
        type="button"
        className={`bar-button mic ${micOn && !silenced ? 'live' : 'silent'}`}
        data-slot="mic"
        {...shortcutProps('m')}
        aria-pressed={!micOn}
        aria-describedby="mic-state"
        disabled={!ready || media.held}
        onClick={() => void media.setMic(!micOn)}
      >
        <span aria-hidden="true" className="bar-icon">
          {micOn && !silenced ? '🎙' : '🔇'}
        </span>
        <span className="bar-label">{micOn ? 'Mute microphone' : 'Unmute microphone'}</span>
        {/* Out of the name (it says what a press does), read as the description instead. */}
        <span className="bar-state" id="mic-state" aria-hidden="true">
          {state}
        </span>
      </button>
      <button
        type="button"
        className="bar-button"
        data-slot="camera"
        {...shortcutProps('v')}
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

/**
 * Share screen (or Stop sharing my screen), for the More menu: facilitators always, members when a
 * facilitator allows it (the server refuses otherwise), where the browser can capture a screen at all.
 */
export function screenShareItems(media: Media, role: Role): { label: string; onSelect: () => void }[] {
  const sharing = !!media.snap?.localScreen;
  const allowed = role === 'facilitator' || (role === 'member' && !!media.view?.membersMayShare);
  if (!media.snap?.publishing || !('getDisplayMedia' in navigator.mediaDevices)) return [];
  if (sharing) return [{ label: 'Stop sharing my screen', onSelect: () => void media.setScreen(false) }];
  return allowed ? [{ label: 'Share screen', onSelect: () => void media.setScreen(true) }] : [];
}

/** Low data on or off, for the More menu: on a weak connection only the holder's camera comes in. */
export function lowDataItem(media: Media): { label: string; onSelect: () => void } {
  return media.lowData
    ? { label: 'Turn low data off', onSelect: () => media.setLowData(false) }
    : { label: 'Low data: only the holder’s video', onSelect: () => media.setLowData(true) };
}

/** On a weak connection, the room offers Low data where the person looks; it never switches by itself. */
function LowDataOffer({ media }: { media: Media }) {
  if (!media.poorConnection || media.lowData) return null;
  return (
    <p className="hint">
      Your connection looks weak.{' '}
      <button type="button" onClick={() => media.setLowData(true)}>
        Switch to low data
      </button>
    </p>
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
        <LowDataOffer media={media} />
        {media.error && <p className="error">{media.error}</p>}
      </section>
    );
  }
  const offer = media.poorConnection && !media.lowData;
  if (!media.held && !media.view?.strict && !media.error && !offer) return null;
  return (
    <section className="media-controls" aria-label="Audio and video">
      <LowDataOffer media={media} />
      {media.held && (
        // Read once by the room's polite region when it happens; here it stays to be found.
        <p className="status-text">A facilitator has muted your microphone for now. They can give it back.</p>
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
