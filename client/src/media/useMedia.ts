import { useEffect, useMemo, useRef, useState } from 'react';
import type { JoinResult, MediaView } from '@circle/shared';
import type { Room } from '../room/useRoom';
import { describeError } from '../errors';
import { useIntl } from 'react-intl';
import { call } from '../socket';
import { MediaSession, type SessionSnapshot } from './MediaSession';
import { loadPrefs } from './prefs';
import { poorConnection as looksPoor } from './connectionQuality';
import type { MediaKeyStore } from '../e2ee/mediaKey';

/** How often the incoming video is checked for a weak connection. */
const QUALITY_CHECK_MS = 5_000;

/** More cameras than this are not shown; their consumers are paused on the server. */
export const MAX_VIDEOS = 6;

declare global {
  interface Window {
    /** Byte counters read by the end-to-end tests and useful when debugging a call. */
    __circleMedia?: {
      stats: MediaSession['stats'];
      /** Our receivers pass frames on unopened: what the server or anyone without the key gets. */
      bypassDecryption: MediaSession['bypassDecryption'];
    };
  }
}

/**
 * The room's audio and video for this connection. A new session starts for every admitted join (a
 * reconnect is a new connection), after the server recreated its router, and after a transport failure.
 * With `keys` (the group's media is end-to-end encrypted) every frame is encrypted with them, and nothing
 * is sent until the first key arrives.
 */
/** Whether the tests' hook asked this page not to decrypt (kept for sessions made later). */
let bypassing = false;

export function useMedia(
  room: Room,
  me: JoinResult | null,
  keys?: MediaKeyStore | null,
  /** In a side room: the other person and the key only the two of us hold (E2ee.pairKey). */
  pair?: { peer: string; key: CryptoKey } | null,
) {
  const intl = useIntl();
  const [snap, setSnap] = useState<SessionSnapshot | null>(null);
  const [view, setView] = useState<MediaView | null>(null);
  const [speaking, setSpeaking] = useState<string[]>([]);
  const [recent, setRecent] = useState<string[]>([]);
  const [restarts, setRestarts] = useState(0);
  /** The last failure (described in words when read, so a change of language re-words it). */
  const [error, setError] = useState<unknown>(null);
  /** Low data: only the holder's camera comes in; every other video consumer is paused on the server. */
  const [lowData, setLowData] = useState(false);
  const [poorConnection, setPoorConnection] = useState(false);
  const holder = room.view?.floor.holder?.pid;
  const session = useRef<MediaSession | null>(null);
  const latest = useRef<MediaView | null>(null);
  const pid = me?.pid;
  // A listener (beyond the seats) is heard only while holding the word: the server refuses them otherwise.
  const listener = !!room.view?.participants.some((p) => p.pid === pid && p.listener);
  const canPublish = me ? me.role !== 'observer' && (!listener || holder === pid) : false;
  /** What a new session starts with; a running one follows changes through setCanPublish. */
  const canPublishRef = useRef(canPublish);
  const admitted = room.phase === 'admitted';
  const encrypted = !!keys;
  const pairRef = useRef<{ peer: string; key: CryptoKey } | null>(null);

  useEffect(() => {
    const socket = room.socketRef.current;
    if (!socket || !pid) return;
    const onState = (v: MediaView) => {
      latest.current = v;
      setView(v);
      void session.current?.follow(v, pid);
    };
    const onSpeaking = (pids: string[]) => {
      setSpeaking(pids);
      if (pids.length) setRecent((r) => [...pids, ...r.filter((p) => !pids.includes(p))].slice(0, 32));
    };
    const onRestart = () => setRestarts((n) => n + 1);
    const onConsumerClosed = ({ consumerId }: { consumerId: string }) =>
      session.current?.consumerClosed(consumerId);
    socket.on('media:state', onState);
    socket.on('media:consumerClosed', onConsumerClosed);
    socket.on('media:speaking', onSpeaking);
    socket.on('media:restart', onRestart);
    return () => {
      socket.off('media:state', onState);
      socket.off('media:speaking', onSpeaking);
      socket.off('media:restart', onRestart);
      socket.off('media:consumerClosed', onConsumerClosed);
    };
  }, [room.socketRef, room.epoch, pid]);

  useEffect(() => {
    const socket = room.socketRef.current;
    if (!admitted || !socket || !pid || room.epoch === 0) return;
    const e2ee = keys ? { keys, pid } : null;
    const restart = () => setRestarts((n) => n + 1);
    const s = new MediaSession(socket, loadPrefs(), canPublishRef.current, setSnap, restart, e2ee);
    session.current = s;
    s.setPair(pairRef.current); // a new session in a side room (a reconnect there) keeps to the pair's key
    // The tests' hook: a session made anew (a restart, a reconnect) keeps bypassing if asked to.
    if (bypassing) s.bypassDecryption(true);
    window.__circleMedia = {
      stats: () => s.stats(),
      bypassDecryption: (on) => {
        bypassing = on;
        s.bypassDecryption(on);
      },
    };
    s.start()
      .then(() => latest.current && s.follow(latest.current, pid))
      .then(() => setError(null))
      .catch((err: unknown) => setError(err));
    return () => {
      s.close();
      if (session.current === s) session.current = null;
    };
    // A new store (the key manager made) is followed by the running session; only turning encryption on or
    // off starts a new one (the transports and codecs differ).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [admitted, room.socketRef, room.epoch, restarts, pid, encrypted]);
  // The word given to a listener (and moving on) turns sending on and off in the running session.
  useEffect(() => {
    canPublishRef.current = canPublish;
    session.current?.setCanPublish(canPublish).catch((err: unknown) => setError(err));
  }, [canPublish]);
  useEffect(() => {
    if (keys) session.current?.followKeys(keys);
  }, [keys]);
  const peer = pair?.peer;
  const pairKey = pair?.key;
  useEffect(() => {
    pairRef.current = peer && pairKey ? { peer, key: pairKey } : null;
    session.current?.setPair(pairRef.current);
  }, [peer, pairKey]);

  // Show the most recent speakers' cameras first; pause the rest.
  const shown = useMemo(() => {
    const withVideo = [...(snap?.remote.entries() ?? [])].filter(([, t]) => t.video).map(([p]) => p);
    if (lowData) return new Set(withVideo.filter((p) => p === holder));
    const order = [
      ...recent.filter((p) => withVideo.includes(p)),
      ...withVideo.filter((p) => !recent.includes(p)),
    ];
    return new Set(order.slice(0, MAX_VIDEOS));
  }, [snap, recent, lowData, holder]);
  useEffect(() => {
    void session.current?.showVideoOf(shown);
  }, [shown]);

  // Watch the incoming video for loss or a trickle, to offer Low data (only while it is off).
  const videosShown = shown.size;
  useEffect(() => {
    if (lowData) return setPoorConnection(false);
    let last: Awaited<ReturnType<MediaSession['videoCounters']>> | null = null;
    const timer = setInterval(() => {
      void session.current?.videoCounters().then((now) => {
        if (last) setPoorConnection(looksPoor(last, now, QUALITY_CHECK_MS, videosShown));
        last = now;
      });
    }, QUALITY_CHECK_MS);
    return () => clearInterval(timer);
  }, [lowData, videosShown]);

  const socket = room.socketRef.current;
  return {
    snap,
    view,
    speaking: new Set(speaking),
    shown,
    error: error === null ? null : describeError(intl, error),
    held: !!pid && !!view?.held.includes(pid),
    lowData,
    setLowData,
    poorConnection,
    setMic: (on: boolean) => session.current?.setMic(on).catch((e: unknown) => setError(e)),
    setCamera: (on: boolean) => session.current?.setCamera(on).catch((e: unknown) => setError(e)),
    setScreen: (on: boolean) =>
      session.current?.setScreen(on).catch((e: unknown) => {
        // Closing the browser's picker without choosing is not an error worth a message.
        if (!(e instanceof DOMException && e.name === 'NotAllowedError')) setError(e); // i18n-exempt: an error's name
      }),
    /** Facilitators' tools: they act on the server, whatever members' browsers do. */
    facilitator: {
      mute: (target: string) => socket && call(socket, 'media:mute', { pid: target }),
      release: (target?: string) => socket && call(socket, 'media:release', target ? { pid: target } : {}),
      muteAll: () => socket && call(socket, 'media:muteAll', {}),
      strict: (on: boolean) => socket && call(socket, 'media:strict', { on }),
      memberScreens: (on: boolean) => socket && call(socket, 'media:memberScreens', { on }),
    },
  };
}

export type Media = ReturnType<typeof useMedia>;
