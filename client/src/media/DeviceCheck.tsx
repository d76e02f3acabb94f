import { useEffect, useRef, useState } from 'react';
import type { MediaPrefs } from './MediaSession';
import { loadPrefs, savePrefs } from './prefs';
import { SpeakerTest } from './SpeakerTest';

/**
 * Before entering: choose microphone and camera, see the microphone is live, and decide to come in
 * muted or with the camera off. Nothing is recorded; the preview stays in this page.
 */
export function DeviceCheck({ startMuted = false }: { startMuted?: boolean }) {
  // A member comes in muted the first time (nobody is heard by surprise); a saved choice wins after that.
  const [prefs, setPrefs] = useState<MediaPrefs>(() => loadPrefs(startMuted ? { micOn: false } : {}));
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [level, setLevel] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => savePrefs(prefs), [prefs]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let ctx: AudioContext | null = null;
    let frame = 0;
    let stopped = false;
    const wantVideo = prefs.cameraOn;
    navigator.mediaDevices
      .getUserMedia({
        audio: prefs.micId ? { deviceId: { exact: prefs.micId } } : true,
        video: wantVideo ? (prefs.cameraId ? { deviceId: { exact: prefs.cameraId } } : true) : false,
      })
      .then(async (s) => {
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        setProblem(null);
        setDevices(await navigator.mediaDevices.enumerateDevices());
        if (videoRef.current) videoRef.current.srcObject = wantVideo ? s : null;
        ctx = new AudioContext();
        const analyser = ctx.createAnalyser();
        analyser.fftSize = 512;
        ctx.createMediaStreamSource(s).connect(analyser);
        const data = new Uint8Array(analyser.fftSize);
        const tick = () => {
          analyser.getByteTimeDomainData(data);
          let peak = 0;
          for (const v of data) peak = Math.max(peak, Math.abs(v - 128));
          setLevel(Math.min(1, peak / 64));
          frame = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch(() =>
        setProblem('Your browser did not give access to a microphone. You can still join and listen.'),
      );
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((t) => t.stop());
      void ctx?.close();
    };
  }, [prefs.micId, prefs.cameraId, prefs.cameraOn]);

  const mics = devices.filter((d) => d.kind === 'audioinput');
  const cameras = devices.filter((d) => d.kind === 'videoinput');

  return (
    <fieldset className="device-check">
      <legend>Microphone and camera</legend>
      <label htmlFor="mic-select">Microphone</label>
      <select
        id="mic-select"
        value={prefs.micId ?? ''}
        onChange={(e) => setPrefs({ ...prefs, micId: e.target.value || undefined })}
      >
        <option value="">Default microphone</option>
        {mics.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || 'Microphone'}
          </option>
        ))}
      </select>
      <div
        className="meter"
        role="meter"
        aria-label="Microphone level"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(level * 100)}
      >
        <span style={{ width: `${Math.round(level * 100)}%` }} />
      </div>
      <label htmlFor="camera-select">Camera</label>
      <select
        id="camera-select"
        value={prefs.cameraId ?? ''}
        onChange={(e) => setPrefs({ ...prefs, cameraId: e.target.value || undefined })}
      >
        <option value="">Default camera</option>
        {cameras.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || 'Camera'}
          </option>
        ))}
      </select>
      {prefs.cameraOn && (
        <video ref={videoRef} className="preview" autoPlay muted playsInline aria-label="Camera preview" />
      )}
      <div className="check">
        <input
          id="join-muted"
          type="checkbox"
          checked={!prefs.micOn}
          onChange={(e) => setPrefs({ ...prefs, micOn: !e.target.checked })}
        />
        <label htmlFor="join-muted">Join with my microphone muted</label>
      </div>
      <div className="check">
        <input
          id="join-camera"
          type="checkbox"
          checked={prefs.cameraOn}
          onChange={(e) => setPrefs({ ...prefs, cameraOn: e.target.checked })}
        />
        <label htmlFor="join-camera">Join with my camera on</label>
      </div>
      <SpeakerTest />
      {problem && <p className="hint">{problem}</p>}
      <p className="hint">Nothing is recorded, ever.</p>
    </fieldset>
  );
}
