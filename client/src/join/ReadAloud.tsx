import { useEffect, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';

const m = defineMessages({
  read: { id: 'join.ReadAloud.read', defaultMessage: 'Read aloud' },
  stop: { id: 'join.ReadAloud.stop', defaultMessage: 'Stop reading' },
});

/** The browser's own speech, when it has one (it speaks on the device: nothing is sent anywhere). */
function speech(): SpeechSynthesis | null {
  return (typeof window !== 'undefined' && window.speechSynthesis) || null;
}

/**
 * Reads a text aloud with the browser's speech synthesis, in the text's language (a voice of that
 * language when the device has one). Hidden where the browser cannot speak; Stop while it speaks. Speech
 * stops when the text changes (another language, plain words) or the page goes.
 */
export function ReadAloud({ text, lang }: { text: string; lang: string }) {
  const intl = useIntl();
  const [speaking, setSpeaking] = useState(false);
  const synth = speech();

  useEffect(() => {
    return () => {
      synth?.cancel();
      setSpeaking(false);
    };
  }, [synth, text, lang]);

  if (!synth) return null;

  function start() {
    if (!synth) return;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    const base = lang.split('-')[0]!.toLowerCase();
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base);
    if (voice) utterance.voice = voice;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  }

  function stop() {
    synth?.cancel();
    setSpeaking(false);
  }

  return (
    <button type="button" className="read-aloud" onClick={speaking ? stop : start}>
      <span aria-hidden="true">{speaking ? '■ ' : '🔊 '}</span>
      {intl.formatMessage(speaking ? m.stop : m.read)}
    </button>
  );
}
