import type { MediaPrefs } from './MediaSession';

const KEY = 'circle.media';
const DEFAULTS: MediaPrefs = { micOn: true, cameraOn: false };

/** The device check's choices, kept in the browser only; `firstTime` applies until a choice is saved. */
export function loadPrefs(firstTime: Partial<MediaPrefs> = {}): MediaPrefs {
  const defaults = { ...DEFAULTS, ...firstTime };
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? { ...defaults, ...(JSON.parse(raw) as Partial<MediaPrefs>) } : defaults;
  } catch {
    return defaults;
  }
}

export function savePrefs(prefs: MediaPrefs) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private mode: the defaults apply next time.
  }
}
