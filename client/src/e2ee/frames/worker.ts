/**
 * The Worker that encrypts every outgoing encoded frame and decrypts every incoming one, off the page's
 * main thread. One per media session; the page posts it the meeting keys as they change.
 */
import { clearBytes } from './frame';
import { Keyring, Opener, Sealer } from './keyring';
import type { FrameStats, FromWorker, ToWorker, TransformOptions } from './protocol';

interface EncodedFrame {
  data: ArrayBuffer;
  /** Video only: 'key', 'delta' or 'empty'. */
  type?: string;
}

interface ScriptTransformer {
  readable: ReadableStream<EncodedFrame>;
  writable: WritableStream<EncodedFrame>;
  options: TransformOptions;
}

/** The parts of the Worker's global scope used here (the client compiles against the DOM's types). */
const scope = self as unknown as {
  onrtctransform: ((e: { transformer: ScriptTransformer }) => void) | null;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

const keys = new Keyring();
const stats: FrameStats = {
  send: { frames: 0, dropped: 0, ms: 0 },
  recv: { frames: 0, dropped: 0, ms: 0 },
  firstAudioAt: null,
  bypass: false,
  pair: false,
};

function run(
  readable: ReadableStream<EncodedFrame>,
  writable: WritableStream<EncodedFrame>,
  o: TransformOptions,
) {
  const sealer = o.side === 'send' ? new Sealer(keys, o.senderId) : null;
  const opener = o.side === 'recv' ? new Opener(keys, o.senderId) : null;
  const side = stats[o.side];
  const transform = new TransformStream<EncodedFrame, EncodedFrame>({
    async transform(frame, out) {
      if (opener && stats.bypass) return out.enqueue(frame);
      const clear = clearBytes(o.kind, frame.type === 'key');
      const started = performance.now();
      const data = new Uint8Array(frame.data);
      const done = sealer ? await sealer.seal(data, clear) : await opener!.open(data, clear);
      // No key yet, a replay, or a frame that does not authenticate: nothing goes on, never clear bytes.
      if (!done) return void side.dropped++;
      side.ms += performance.now() - started;
      side.frames++;
      if (opener && o.kind === 'audio' && stats.firstAudioAt === null) stats.firstAudioAt = Date.now();
      frame.data = done.buffer as ArrayBuffer;
      out.enqueue(frame);
    },
  });
  // A closed track ends its streams; nothing to report.
  readable
    .pipeThrough(transform)
    .pipeTo(writable)
    .catch(() => undefined);
}

scope.onrtctransform = ({ transformer }) =>
  run(transformer.readable, transformer.writable, transformer.options);

scope.onmessage = ({ data }: MessageEvent<ToWorker>) => {
  if (data.type === 'key') keys.set(data.key);
  else if (data.type === 'bypass') stats.bypass = data.on;
  else if (data.type === 'pair') {
    keys.setPair(data.pair);
    stats.pair = data.pair !== null;
  } else if (data.type === 'streams') run(data.readable, data.writable, data.options);
  else if (data.type === 'stats') {
    const reply: FromWorker = { type: 'stats', id: data.id, stats };
    scope.postMessage(reply);
  }
};
