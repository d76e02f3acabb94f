import type { ReactNode } from 'react';
import type { Role } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { ROLE_LABELS } from '../labels';
import { useCopy } from '../useCopy';

const m = defineMessages({
  heading: { id: 'groups.InviteLinks.heading', defaultMessage: 'Invitation links' },
  once: { id: 'groups.InviteLinks.once', defaultMessage: 'These links are not shown again.' },
  copyNow: { id: 'groups.InviteLinks.copyNow', defaultMessage: 'Copy them somewhere safe now.' },
  secretFirst: { id: 'groups.InviteLinks.secretFirst', defaultMessage: 'Keep this one secret.' },
  facilitatorNote: {
    id: 'groups.InviteLinks.facilitatorNote',
    defaultMessage:
      'Anyone with it can run the meeting. Use it yourself, or give it only to co-facilitators.',
  },
  memberNote: {
    id: 'groups.InviteLinks.memberNote',
    defaultMessage:
      'Share with the people in your group. They take a seat in the circle and can ask for the word.',
    description: '"Ask for the word": ask to speak',
  },
  observerNote: {
    id: 'groups.InviteLinks.observerNote',
    defaultMessage: 'For people who listen without a seat in the circle.',
  },
  keepSecret: { id: 'groups.InviteLinks.keepSecret', defaultMessage: 'Keep secret' },
  copied: { id: 'groups.InviteLinks.copied', defaultMessage: 'Copied' },
});

/** Per role: the link's label, its Copy and its Open buttons. */
const LINK: Record<Role, MessageDescriptor> = defineMessages({
  facilitator: { id: 'groups.InviteLinks.link.facilitator', defaultMessage: 'Facilitator link' },
  member: { id: 'groups.InviteLinks.link.member', defaultMessage: 'Member link' },
  observer: { id: 'groups.InviteLinks.link.observer', defaultMessage: 'Observer link' },
});
const COPY: Record<Role, MessageDescriptor> = defineMessages({
  facilitator: { id: 'groups.InviteLinks.copy.facilitator', defaultMessage: 'Copy facilitator invitation' },
  member: { id: 'groups.InviteLinks.copy.member', defaultMessage: 'Copy member invitation' },
  observer: { id: 'groups.InviteLinks.copy.observer', defaultMessage: 'Copy observer invitation' },
});
const OPEN: Record<Role, MessageDescriptor> = defineMessages({
  facilitator: { id: 'groups.InviteLinks.open.facilitator', defaultMessage: 'Open as facilitator' },
  member: { id: 'groups.InviteLinks.open.member', defaultMessage: 'Open as member' },
  observer: { id: 'groups.InviteLinks.open.observer', defaultMessage: 'Open as observer' },
});

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
  const intl = useIntl();
  return (
    <section aria-labelledby="links-heading" className="links">
      <h2 id="links-heading">{intl.formatMessage(m.heading)}</h2>
      <p className="warning" id="links-once">
        <strong>{intl.formatMessage(m.once)}</strong> {intl.formatMessage(m.copyNow)}
      </p>
      <LinkCard role="facilitator" icon="★" url={facilitator} secret>
        <strong>{intl.formatMessage(m.secretFirst)}</strong> {intl.formatMessage(m.facilitatorNote)}
      </LinkCard>
      <LinkCard role="member" icon="◯" url={member}>
        {intl.formatMessage(m.memberNote)}
      </LinkCard>
      <LinkCard role="observer" icon="◔" url={observer}>
        {intl.formatMessage(m.observerNote)}
      </LinkCard>
    </section>
  );
}

interface CardProps {
  role: Role;
  /** Decoration beside the role's name (hidden from screen readers, which read the name). */
  icon: string;
  url: string;
  secret?: boolean;
  children: ReactNode;
}

function LinkCard({ role, icon, url, secret = false, children }: CardProps) {
  const intl = useIntl();
  return (
    <div className={`link-card link-card-${role}`}>
      <h3 className="link-role">
        <span aria-hidden="true" className="link-icon">
          {icon}
        </span>{' '}
        {intl.formatMessage(ROLE_LABELS[role])}{' '}
        {secret && <span className="keep-secret">{intl.formatMessage(m.keepSecret)}</span>}
      </h3>
      <LinkRow id={`link-${role}`} label={intl.formatMessage(LINK[role])} role={role} url={url}>
        {children}
      </LinkRow>
    </div>
  );
}

interface RowProps {
  id: string;
  label: string;
  role: Role;
  url: string;
  children: ReactNode;
}

export function LinkRow({ id, label, role, url, children }: RowProps) {
  const intl = useIntl();
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
          {intl.formatMessage(copied ? m.copied : COPY[role])}
        </button>
        <a href={url} target="_blank" rel="noreferrer" className="button-link">
          {intl.formatMessage(OPEN[role])}
        </a>
      </div>
    </div>
  );
}
