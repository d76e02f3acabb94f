import type { ReactNode } from 'react';
import { useCopy } from '../useCopy';

interface Props {
  facilitator: string;
  member: string;
  observer: string;
}

export function InviteLinks({ facilitator, member, observer }: Props) {
  return (
    <section aria-labelledby="links-heading" className="links">
      <h2 id="links-heading">Invitation links</h2>
      <LinkRow id="link-facilitator" label="Facilitator link" who="facilitator" url={facilitator}>
        <strong>Keep this one secret.</strong> Anyone with it can run the meeting. Use it yourself, or give it
        only to co-facilitators.
      </LinkRow>
      <LinkRow id="link-member" label="Member link" who="member" url={member}>
        Share with the people in your group. They take a seat in the circle and can ask for the word.
      </LinkRow>
      <LinkRow id="link-observer" label="Observer link" who="observer" url={observer}>
        For people who listen without a seat in the circle.
      </LinkRow>
      <p className="hint">These links are not shown again. Copy them somewhere safe now.</p>
    </section>
  );
}

interface RowProps {
  id: string;
  label: string;
  who: string;
  url: string;
  children: ReactNode;
}

export function LinkRow({ id, label, who, url, children }: RowProps) {
  const { copied, copy } = useCopy(url, id);

  return (
    <div className="link-row">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-note`}>
        {children}
      </p>
      <div className="link-field">
        <input
          id={id}
          readOnly
          value={url}
          aria-describedby={`${id}-note`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : `Copy ${who} invitation`}
        </button>
        <a href={url} target="_blank" rel="noreferrer" className="button-link">
          Open as {who}
        </a>
      </div>
    </div>
  );
}
