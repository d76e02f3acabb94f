import { useEffect, useRef, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';

const m = defineMessages({
  play: { id: 'media.SpeakerTest.play', defaultMessage: 'Play a test sound' },
  playing: { id: 'media.SpeakerTest.playing', defaultMessage: 'Playing a short tone…' },
  hint: {
    id: 'media.SpeakerTest.hint',
    defaultMessage: 'You should hear a short tone. It plays on this device only.',
  },
});

/** How long the test tone plays. */
const TONE_MS = 900;

/**
 * Plays a short tone on this device's speakers (Web Audio, made here: nothing is sent or fetched), so a
 * person can hear that sound works before entering the room.
 */
export function SpeakerTest() {
  const intl = useIntl();
  const [playing, setPlaying] = useState(false);
  const ctxRef = useRef<AudioContext | null>(null);

  useEffect(
    () => () => {
      void ctxRef.current?.close();
    },
    [],
  );

  function play() {
    const ctx = ctxRef.current ?? new AudioContext();
    ctxRef.current = ctx;
    void ctx.resume();
    const start = ctx.currentTime;
    const end = start + TONE_MS / 1000;
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    tone.frequency.value = 440;
    // Fades in and out: a hard start or stop clicks in the speakers.
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.2, start + 0.05);
    gain.gain.setValueAtTime(0.2, end - 0.1);
    gain.gain.linearRampToValueAtTime(0, end);
    tone.connect(gain).connect(ctx.destination);
    tone.start(start);
    tone.stop(end);
    setPlaying(true);
    tone.onended = () => setPlaying(false);
  }

  return (
    <div className="speaker-test">
      <button type="button" onClick={play} aria-describedby="speaker-test-hint">
        {intl.formatMessage(m.play)}
      </button>
      <p className="hint" id="speaker-test-hint" aria-live="polite">
        {intl.formatMessage(playing ? m.playing : m.hint)}
      </p>
    </div>
  );
}
