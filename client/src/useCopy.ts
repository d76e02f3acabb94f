import { useState } from 'react';

/**
 * Copies `text` to the clipboard and says so for two seconds. Where the clipboard is unavailable
 * (an insecure origin), it selects the field `fallbackId` so the person can copy it themselves.
 */
export function useCopy(text: string, fallbackId: string) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      const input = document.getElementById(fallbackId);
      if (input instanceof HTMLInputElement) input.select();
    }
  }
  return { copied, copy };
}
