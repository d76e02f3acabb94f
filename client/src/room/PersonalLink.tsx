import { absoluteUrl } from '../api';
import { useCopy } from '../useCopy';

/** The person's own link back into the group, from this or another device. */
export function PersonalLink({ path }: { path: string }) {
  const url = absoluteUrl(path);
  const { copied, copy } = useCopy(url, 'personal-link');

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
