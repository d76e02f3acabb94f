import { useState } from 'react';
import { absoluteUrl } from '../api';

/** The person's own link back into the group, from this or another device. */
export function PersonalLink({ path }: { path: string }) {
  const url = absoluteUrl(path);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      const input = document.getElementById('personal-link');
      if (input instanceof HTMLInputElement) input.select();
    }
  }

  return (
    <div className="personal-link">
      {/* A heading rather than a <label>: "personal" would also match the facilitator's `Person` field. */}
      <h3 className="personal-link-heading">Your personal link</h3>
      <p className="hint" id="personal-link-hint">
        Keep it to come back from another device. It is yours alone: do not share it.
      </p>
      <div className="link-field">
        <input
          id="personal-link"
          readOnly
          value={url}
          aria-label="Link to come back from another device"
          aria-describedby="personal-link-hint"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy your personal link'}
        </button>
      </div>
    </div>
  );
}
