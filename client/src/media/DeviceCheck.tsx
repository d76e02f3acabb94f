import { useEffect, useRef, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { MediaPrefs } from './MediaSession';
import { loadPrefs, savePrefs } from './prefs';
import { SpeakerTest } from './SpeakerTest';

const m = defineMessages({
  noMic: {
    id: 'media.DeviceCheck.noMic',
    defaultMessage: 'Your browser did not give access to a microphone. You can still join and listen.',
  },
  legend: { id: 'media.DeviceCheck.legend', defaultMessage: 'Microphone and camera' },
  microphone: { id: 'media.DeviceCheck.microphone', defaultMessage: 'Microphone' },
  defaultMic: { id: 'media.DeviceCheck.defaultMic', defaultMessage: 'Default microphone' },
  level: { id: 'media.DeviceCheck.level', defaultMessage: 'Microphone level' },
  camera: { id: 'media.DeviceCheck.camera', defaultMessage: 'Camera' },
  defaultCamera: { id: 'media.DeviceCheck.defaultCamera', defaultMessage: 'Default camera' },
  preview: { id: 'media.DeviceCheck.preview', defaultMessage: 'Camera preview' },
  joinMuted: { id: 'media.DeviceCheck.joinMuted', defaultMessage: 'Join with my microphone muted' },
  joinCamera: { id: 'media.DeviceCheck.joinCamera', defaultMessage: 'Join with my camera on' },
  notRecorded: { id: 'media.DeviceCheck.notRecorded', defaultMessage: 'Nothing is recorded, ever.' },
});

/**
 * Before entering: choose microphone and camera, see the microphone is live, and decide to come in
 * muted or with the camera off. Nothing is recorded; the preview stays in this page.
 */
export function DeviceCheck({ startMuted = false }: { startMuted?: boolean }) {
  const intl = useIntl();
  // A member comes in muted the first time (nobody is heard by surprise); a saved choice wins after that.
  const [prefs, setPrefs] = useState<MediaPrefs>(() => loadPrefs(startMuted ? { micOn: false } : {}));
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [level, setLevel] = useState(0);
  // Worded at render, so a language switch rewords it too.
  const [problem, setProblem] = useState(false);
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
        setProblem(false);
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
      .catch(() => setProblem(true));
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
      <legend>{intl.formatMessage(m.legend)}</legend>
      <label htmlFor="mic-select">{intl.formatMessage(m.microphone)}</label>
      <select
        id="mic-select"
        value={prefs.micId ?? ''}
        onChange={(e) => setPrefs({ ...prefs, micId: e.target.value || undefined })}
      >
        <option value="">{intl.formatMessage(m.defaultMic)}</option>
        {mics.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || intl.formatMessage(m.microphone)}
          </option>
        ))}
      </select>
      <div
        className="meter"
        role="meter"
        aria-label={intl.formatMessage(m.level)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(level * 100)}
      >
        <span style={{ width: `${Math.round(level * 100)}%` }} />
      </div>
      <label htmlFor="camera-select">{intl.formatMessage(m.camera)}</label>
      <select
        id="camera-select"
        value={prefs.cameraId ?? ''}
        onChange={(e) => setPrefs({ ...prefs, cameraId: e.target.value || undefined })}
      >
        <option value="">{intl.formatMessage(m.defaultCamera)}</option>
        {cameras.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || intl.formatMessage(m.camera)}
          </option>
        ))}
      </select>
      {prefs.cameraOn && (
        <video
          ref={videoRef}
          className="preview"
          autoPlay
          muted
          playsInline
          aria-label={intl.formatMessage(m.preview)}
        />
      )}
      <div className="check">
        <input
          id="join-muted"
          type="checkbox"
          checked={!prefs.micOn}
          onChange={(e) => setPrefs({ ...prefs, micOn: !e.target.checked })}
        />
        <label htmlFor="join-muted">{intl.formatMessage(m.joinMuted)}</label>
      </div>
      <div className="check">
        <input
          id="join-camera"
          type="checkbox"
          checked={prefs.cameraOn}
          onChange={(e) => setPrefs({ ...prefs, cameraOn: e.target.checked })}
        />
        <label htmlFor="join-camera">{intl.formatMessage(m.joinCamera)}</label>
      </div>
      <SpeakerTest />
      {problem && <p className="hint">{intl.formatMessage(m.noMic)}</p>}
      <p className="hint">{intl.formatMessage(m.notRecorded)}</p>
    </fieldset>
  );
}
