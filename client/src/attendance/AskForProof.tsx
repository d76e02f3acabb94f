import type { ProofShownAs } from '@circle/shared';
import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { useAdmittedSocket } from '../room/useServerState';
import { ProofCard } from './ProofCard';
import { setProofState, useProofState } from './proofState';

const m = defineMessages({
  heading: { id: 'attendance.AskForProof.heading', defaultMessage: 'Proof of attendance' },
  explain: {
    id: 'attendance.AskForProof.explain',
    defaultMessage:
      'If you need proof that you came (for a court, a program or an employer), ask the facilitators. It shows only the group, the date and your initials or first name, never anyone else. Ask before the meeting closes.',
  },
  showAs: { id: 'attendance.AskForProof.showAs', defaultMessage: 'Name me on the proof by' },
  initials: { id: 'attendance.AskForProof.initials', defaultMessage: 'My initials' },
  firstName: { id: 'attendance.AskForProof.firstName', defaultMessage: 'My first name' },
  ask: { id: 'attendance.AskForProof.ask', defaultMessage: 'Ask for proof of attendance' },
  asked: {
    id: 'attendance.AskForProof.asked',
    defaultMessage: 'Asked. A facilitator will answer; the proof will show here and after the meeting.',
  },
  declined: {
    id: 'attendance.AskForProof.declined',
    defaultMessage: 'A facilitator could not give a proof this time. You may talk with them about it.',
  },
});

/**
 * A member asks for a proof from the room. Asking is only possible while the meeting is on (the
 * facilitators answer from their console); the answer stays on the closing screen afterwards.
 */
export function AskForProof() {
  const intl = useIntl();
  const { act } = useRoomContext();
  const state = useProofState();
  const [shownAs, setShownAs] = useState<ProofShownAs>('initials');
  useAdmittedSocket((socket) => {
    const approved = (proof: Parameters<typeof ProofCard>[0]['proof']) =>
      setProofState({ status: 'approved', proof });
    const declined = () => setProofState({ status: 'declined' });
    socket.on('attendance:proof', approved);
    socket.on('attendance:declined', declined);
    return () => {
      socket.off('attendance:proof', approved);
      socket.off('attendance:declined', declined);
    };
  });
  if (state.status === 'approved') return <ProofCard proof={state.proof} />;

  const ask = async () => {
    if (await act('attendance:ask', { shownAs })) setProofState({ status: 'asked' });
  };
  return (
    <details className="panel proof-ask">
      <summary>{intl.formatMessage(m.heading)}</summary>
      <p className="hint">{intl.formatMessage(m.explain)}</p>
      <fieldset>
        <legend>{intl.formatMessage(m.showAs)}</legend>
        {(['initials', 'firstName'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="proof-shown-as"
              checked={shownAs === choice}
              onChange={() => setShownAs(choice)}
            />{' '}
            {intl.formatMessage(m[choice])}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => void ask()}>
        {intl.formatMessage(m.ask)}
      </button>
      {state.status === 'asked' && <p role="status">{intl.formatMessage(m.asked)}</p>}
      {state.status === 'declined' && <p role="status">{intl.formatMessage(m.declined)}</p>}
    </details>
  );
}
