import type { ReactNode } from 'react';
import { useCopy } from '../useCopy';

interface Props {
  facilitator: string;
  member: string;
  observer: string;
}

/**
 * The three links right after creation. They must not be confused (the facilitator link runs the meeting),
 * so each is a card of its own: the role in large type, an icon and a colour (never the colour alone), and
 * the warning that they are not shown again comes before them, not after.
 */
export function InviteLinks({ facilitator, member, observer }: Props) {
  return (
    <section aria-labelledby="links-heading" className="links">
      <h2 id="links-heading">Invitation links</h2>
      <p className="warning" id="links-once">
        <strong>These links are not shown again.</strong> Copy them somewhere safe now.
      </p>
      <LinkCard role="Facilitator" icon="★" url={facilitator} secret>
        <strong>Keep this one secret.</strong> Anyone with it can run the meeting. Use it yourself, or give it
        only to co-facilitators.
      </LinkCard>
      <LinkCard role="Member" icon="◯" url={member}>
        Share with the people in your group. They take a seat in the circle and can ask for the word.
      </LinkCard>
      <LinkCard role="Observer" icon="◔" url={observer}>
        For people who listen without a seat in the circle.
      </LinkCard>
    </section>
  );
}

interface CardProps {
  role: 'Facilitator' | 'Member' | 'Observer';
  /** Decoration beside the role's name (hidden from screen readers, which read the name). */
  icon: string;
  url: string;
  secret?: boolean;
  children: ReactNode;
}

function LinkCard({ role, icon, url, secret = false, children }: CardProps) {
  const who = role.toLowerCase();
  return (
    <div className={`link-card link-card-${who}`}>
      <h3 className="link-role">
        <span aria-hidden="true" className="link-icon">
          {icon}
        </span>{' '}
        {role} {secret && <span className="keep-secret">Keep secret</span>}
      </h3>
      <LinkRow id={`link-${who}`} label={`${role} link`} who={who} url={url}>
        {children}
      </LinkRow>
    </div>
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
