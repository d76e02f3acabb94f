import type { MediaPrefs } from './MediaSession';

const KEY = 'circle.media';
const DEFAULTS: MediaPrefs = { micOn: true, cameraOn: false };

/** The device check's choices, kept in the browser only. */
export function loadPrefs(): MediaPrefs {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? { ...DEFAULTS, ...(JSON.parse(raw) as Partial<MediaPrefs>) } : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

export function savePrefs(prefs: MediaPrefs) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private mode: the defaults apply next time.
  }
}
