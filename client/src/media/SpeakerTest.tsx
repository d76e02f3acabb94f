import { useEffect, useRef, useState } from 'react';

/** How long the test tone plays. */
const TONE_MS = 900;

/**
 * Plays a short tone on this device's speakers (Web Audio, made here: nothing is sent or fetched), so a
 * person can hear that sound works before entering the room.
 */
export function SpeakerTest() {
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
        Play a test sound
      </button>
      <p className="hint" id="speaker-test-hint" aria-live="polite">
        {playing ? 'Playing a short tone…' : 'You should hear a short tone. It plays on this device only.'}
      </p>
    </div>
  );
}
