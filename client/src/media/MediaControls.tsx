import type { IntlShape } from 'react-intl';
import { defineMessages, useIntl } from 'react-intl';
import type { Role } from '@circle/shared';
import type { Media } from './useMedia';
import { shortcutProps } from '../room/shortcuts';

const m = defineMessages({
  held: {
    id: 'media.MediaControls.held',
    defaultMessage: 'Held by a facilitator',
    description: 'Under the microphone button (short)',
  },
  silenced: {
    id: 'media.MediaControls.silenced',
    defaultMessage: 'Silenced for the exercise',
    description: 'Under the microphone button, during a role-play (short)',
  },
  on: { id: 'media.MediaControls.on', defaultMessage: 'On', description: 'The microphone is on (short)' },
  muted: {
    id: 'media.MediaControls.muted',
    defaultMessage: 'Muted',
    description: 'The microphone is muted (short)',
  },
  mute: { id: 'media.MediaControls.mute', defaultMessage: 'Mute microphone' },
  unmute: { id: 'media.MediaControls.unmute', defaultMessage: 'Unmute microphone' },
  cameraOff: { id: 'media.MediaControls.cameraOff', defaultMessage: 'Turn camera off' },
  cameraOn: { id: 'media.MediaControls.cameraOn', defaultMessage: 'Turn camera on' },
  stopSharing: { id: 'media.MediaControls.stopSharing', defaultMessage: 'Stop sharing my screen' },
  share: { id: 'media.MediaControls.share', defaultMessage: 'Share screen' },
  lowDataOff: { id: 'media.MediaControls.lowDataOff', defaultMessage: 'Turn low data off' },
  lowDataOn: {
    id: 'media.MediaControls.lowDataOn',
    defaultMessage: 'Low data: only the holder’s video',
    description: 'Only the video of the person holding the word comes in, to save data',
  },
  weak: { id: 'media.MediaControls.weak', defaultMessage: 'Your connection looks weak.' },
  switchLowData: { id: 'media.MediaControls.switchLowData', defaultMessage: 'Switch to low data' },
  audioVideo: { id: 'media.MediaControls.audioVideo', defaultMessage: 'Audio and video' },
  observing: {
    id: 'media.MediaControls.observing',
    defaultMessage:
      'You are observing: you see and hear the circle, and your microphone and camera stay off.',
  },
  heldNotice: {
    id: 'media.MediaControls.heldNotice',
    defaultMessage: 'A facilitator has muted your microphone for now. They can give it back.',
  },
  strict: {
    id: 'media.MediaControls.strict',
    defaultMessage: 'Strict circle: only the person holding the word (and the facilitators) can be heard.',
  },
});

/** What the microphone button shows under its name: its state, and who decided it when it was not you. */
function micState(intl: IntlShape, micOn: boolean, held: boolean, silenced: boolean): string {
  if (held) return intl.formatMessage(m.held);
  if (silenced) return intl.formatMessage(m.silenced);
  return intl.formatMessage(micOn ? m.on : m.muted);
}

interface ButtonsProps {
  media: Media;
  role: Role;
  /** A role-play keeps this person silent for now (an observer while it runs). */
  silenced: boolean;
}

/** Your own microphone and camera, for the control bar. Observers listen and watch; they never publish. */
export function MediaButtons({ media, role, silenced }: ButtonsProps) {
  const intl = useIntl();
  if (role === 'observer') return null;
  // A held microphone is muted whatever this browser thinks; show it so, and out of the member's reach.
  const micOn = (media.snap?.micOn ?? false) && !media.held;
  const cameraOn = media.snap?.cameraOn ?? false;
  const ready = !!media.snap?.publishing;
  const state = micState(intl, micOn, media.held, silenced && micOn);
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
        <span className="bar-label">{intl.formatMessage(micOn ? m.mute : m.unmute)}</span>
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
        <span className="bar-label">{intl.formatMessage(cameraOn ? m.cameraOff : m.cameraOn)}</span>
      </button>
    </>
  );
}

/**
 * Share screen (or Stop sharing my screen), for the More menu: facilitators always, members when a
 * facilitator allows it (the server refuses otherwise), where the browser can capture a screen at all.
 */
export function screenShareItems(
  intl: IntlShape,
  media: Media,
  role: Role,
): { label: string; onSelect: () => void }[] {
  const sharing = !!media.snap?.localScreen;
  const allowed = role === 'facilitator' || (role === 'member' && !!media.view?.membersMayShare);
  if (!media.snap?.publishing || !('getDisplayMedia' in navigator.mediaDevices)) return [];
  if (sharing)
    return [{ label: intl.formatMessage(m.stopSharing), onSelect: () => void media.setScreen(false) }];
  return allowed ? [{ label: intl.formatMessage(m.share), onSelect: () => void media.setScreen(true) }] : [];
}

/** Low data on or off, for the More menu: on a weak connection only the holder's camera comes in. */
export function lowDataItem(intl: IntlShape, media: Media): { label: string; onSelect: () => void } {
  return media.lowData
    ? { label: intl.formatMessage(m.lowDataOff), onSelect: () => media.setLowData(false) }
    : { label: intl.formatMessage(m.lowDataOn), onSelect: () => media.setLowData(true) };
}

/** On a weak connection, the room offers Low data where the person looks; it never switches by itself. */
function LowDataOffer({ media }: { media: Media }) {
  const intl = useIntl();
  if (!media.poorConnection || media.lowData) return null;
  return (
    <p className="hint">
      {intl.formatMessage(m.weak)}{' '}
      <button type="button" onClick={() => media.setLowData(true)}>
        {intl.formatMessage(m.switchLowData)}
      </button>
    </p>
  );
}

/** Why your microphone is silent, and what the room's media rules are. */
export function MediaControls({ media, role }: { media: Media; role: Role }) {
  const intl = useIntl();
  if (role === 'observer') {
    return (
      <section className="media-controls" aria-label={intl.formatMessage(m.audioVideo)}>
        <p className="hint">{intl.formatMessage(m.observing)}</p>
        <LowDataOffer media={media} />
        {media.error && <p className="error">{media.error}</p>}
      </section>
    );
  }
  const offer = media.poorConnection && !media.lowData;
  if (!media.held && !media.view?.strict && !media.error && !offer) return null;
  return (
    <section className="media-controls" aria-label={intl.formatMessage(m.audioVideo)}>
      <LowDataOffer media={media} />
      {media.held && (
        // Read once by the room's polite region when it happens; here it stays to be found.
        <p className="status-text">{intl.formatMessage(m.heldNotice)}</p>
      )}
      {media.view?.strict && <p className="hint">{intl.formatMessage(m.strict)}</p>}
      {media.error && <p className="error">{media.error}</p>}
    </section>
  );
}
