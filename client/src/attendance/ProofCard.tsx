import { spacedProofCode, type AttendanceProof } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';

const m = defineMessages({
  heading: { id: 'attendance.ProofCard.heading', defaultMessage: 'Proof of attendance' },
  group: { id: 'attendance.ProofCard.group', defaultMessage: 'Group' },
  date: { id: 'attendance.ProofCard.date', defaultMessage: 'Date of the meeting' },
  name: { id: 'attendance.ProofCard.name', defaultMessage: 'Attended' },
  code: { id: 'attendance.ProofCard.code', defaultMessage: 'Verification code' },
  checkAt: {
    id: 'attendance.ProofCard.checkAt',
    defaultMessage: 'Anyone with this code can check it at {address}.',
    description: 'address is the web address of the verification page',
  },
  print: {
    id: 'attendance.ProofCard.print',
    defaultMessage: 'Open the printable page (Save as PDF / Print)',
  },
  pdf: { id: 'attendance.ProofCard.pdf', defaultMessage: 'Download as a PDF file' },
});

/**
 * The proof as the member sees it: the group, the day, their initials or first name and the code, nothing
 * else. The printable page is the public `/verify` page for this code (it shows exactly the same, with a
 * Print button whose dialog also saves a PDF), so what is printed is what a checker will see.
 */
export function ProofCard({ proof }: { proof: AttendanceProof }) {
  const intl = useIntl();
  const verifyAt = `${window.location.origin}/verify`;
  const date = new Date(`${proof.date}T12:00:00Z`);
  return (
    <section className="panel proof-card" aria-labelledby="proof-heading">
      <h2 id="proof-heading">{intl.formatMessage(m.heading)}</h2>
      <dl>
        <dt>{intl.formatMessage(m.group)}</dt>
        <dd>{proof.groupName}</dd>
        <dt>{intl.formatMessage(m.date)}</dt>
        <dd>
          <time dateTime={proof.date}>{intl.formatDate(date, { dateStyle: 'long', timeZone: 'UTC' })}</time>
        </dd>
        <dt>{intl.formatMessage(m.name)}</dt>
        <dd>{proof.name}</dd>
        <dt>{intl.formatMessage(m.code)}</dt>
        <dd className="proof-code">{spacedProofCode(proof.code)}</dd>
      </dl>
      <p className="hint">{intl.formatMessage(m.checkAt, { address: verifyAt })}</p>
      <a href={`/verify?code=${proof.code}`} target="_blank" rel="noopener noreferrer">
        {intl.formatMessage(m.print)}
      </a>{' '}
      <a href={`/verify/proof.pdf?code=${proof.code}`} download>
        {intl.formatMessage(m.pdf)}
      </a>
    </section>
  );
}
