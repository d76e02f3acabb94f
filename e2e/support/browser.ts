import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Debian's Chromium (or CHROMIUM_PATH), driven by playwright-core: no browser download needed. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? candidates.find((c) => existsSync(c));
  if (!path) throw new Error('No Chromium found: run `bash scripts/setup.sh` or set CHROMIUM_PATH');
  return path;
}

/** `extraArgs`: more Chromium switches for one test file (a fake microphone's sound file, autoplay). */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      ...extraArgs,
    ],
  });
}
