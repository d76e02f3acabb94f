import { useState } from 'react';
import type { FormEvent } from 'react';
import { DEVICE_CODE_LENGTH } from '@circle/shared';
import { redeemDeviceCode } from '../api';
import { describeError, errorCodeOf } from '../errors';
import { useIntl } from 'react-intl';
import { storage } from '../storage';

type Step = 'closed' | 'entering' | 'confirm' | 'sending' | 'done';

/**
 * "I have a code from my other device": the code is exchanged once, in a request body, for the person's
 * identity in this group. An identity this browser already holds is never replaced without asking.
 */
export function DeviceCodeForm({ token, groupId }: { token: string; groupId: string }) {
  const intl = useIntl();
  const [step, setStep] = useState<Step>('closed');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const cleaned = code.replace(/[\s-]/g, '').toUpperCase();

  async function redeem() {
    setStep('sending');
    try {
      const { identity } = await redeemDeviceCode(token, cleaned);
      storage.setIdentity(groupId, identity);
      setError(null);
      setStep('done');
    } catch (err) {
      const c = errorCodeOf(err);
      setError(
        c === 'NOT_FOUND' || c === 'BAD_REQUEST'
          ? 'This code is not valid. Codes work once and only for a few minutes: ask your other device for a new one.'
          : c === 'RATE_LIMITED'
            ? 'Too many wrong codes. Please wait a few minutes before trying again.'
            : describeError(intl, err),
      );
      setStep('entering');
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (cleaned.length !== DEVICE_CODE_LENGTH)
      return setError(`The code has ${DEVICE_CODE_LENGTH} characters.`);
    if (storage.getIdentity(groupId)) return setStep('confirm');
    void redeem();
  }

  if (step === 'done')
    return (
      <p role="status">
        This device now has your identity. Choose your name, accept the declaration and join.
      </p>
    );
  if (step === 'closed')
    return (
      <button type="button" className="link-button" onClick={() => setStep('entering')}>
        I have a code from my other device
      </button>
    );
  if (step === 'confirm')
    return (
      <div role="alertdialog" aria-labelledby="device-replace-text" className="form">
        <p id="device-replace-text">
          This browser already holds an identity in this group. Replace it with the one from your other
          device? The identity this browser holds now will no longer be remembered here.
        </p>
        <div className="button-row">
          <button type="button" className="danger" autoFocus onClick={() => void redeem()}>
            Replace it
          </button>
          <button type="button" onClick={() => setStep('entering')}>
            Keep this one
          </button>
        </div>
      </div>
    );
  return (
    <form className="form" onSubmit={submit} aria-labelledby="device-code-heading">
      <h2 id="device-code-heading">Use your identity from another device</h2>
      <p className="hint" id="device-code-hint">
        On the device already in the room, choose <strong>Add another device</strong>, then type the code it
        shows here. It works once, for a few minutes.
      </p>
      <label htmlFor="device-code">Code from your other device</label>
      <input
        id="device-code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={DEVICE_CODE_LENGTH + 4}
        aria-describedby="device-code-hint"
        required
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={step === 'sending'}>
        Use this code
      </button>
    </form>
  );
}
