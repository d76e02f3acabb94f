import { useState } from 'react';
import type { FormEvent } from 'react';
import { DEVICE_CODE_LENGTH } from '@circle/shared';
import { redeemDeviceCode } from '../api';
import { describeError, errorCodeOf } from '../errors';
import { defineMessages, useIntl } from 'react-intl';
import { storage } from '../storage';

const m = defineMessages({
  notValid: {
    id: 'join.DeviceCodeForm.notValid',
    defaultMessage:
      'This code is not valid. Codes work once and only for a few minutes: ask your other device for a new one.',
  },
  tooMany: {
    id: 'join.DeviceCodeForm.tooMany',
    defaultMessage: 'Too many wrong codes. Please wait a few minutes before trying again.',
  },
  length: {
    id: 'join.DeviceCodeForm.length',
    defaultMessage: '{count, plural, one {The code has # character.} other {The code has # characters.}}',
  },
  done: {
    id: 'join.DeviceCodeForm.done',
    defaultMessage: 'This device now has your identity. Choose your name, accept the declaration and join.',
  },
  open: { id: 'join.DeviceCodeForm.open', defaultMessage: 'I have a code from my other device' },
  replaceText: {
    id: 'join.DeviceCodeForm.replaceText',
    defaultMessage:
      'This browser already holds an identity in this group. Replace it with the one from your other device? The identity this browser holds now will no longer be remembered here.',
  },
  replace: { id: 'join.DeviceCodeForm.replace', defaultMessage: 'Replace it' },
  keep: { id: 'join.DeviceCodeForm.keep', defaultMessage: 'Keep this one' },
  heading: { id: 'join.DeviceCodeForm.heading', defaultMessage: 'Use your identity from another device' },
  hint: {
    id: 'join.DeviceCodeForm.hint',
    defaultMessage:
      'On the device already in the room, choose <b>Add another device</b>, then type the code it shows here. It works once, for a few minutes.',
    description: '"Add another device" is the name of a button in the room; use the same words as there',
  },
  label: { id: 'join.DeviceCodeForm.label', defaultMessage: 'Code from your other device' },
  use: { id: 'join.DeviceCodeForm.use', defaultMessage: 'Use this code' },
});

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
          ? intl.formatMessage(m.notValid)
          : c === 'RATE_LIMITED'
            ? intl.formatMessage(m.tooMany)
            : describeError(intl, err),
      );
      setStep('entering');
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (cleaned.length !== DEVICE_CODE_LENGTH)
      return setError(intl.formatMessage(m.length, { count: DEVICE_CODE_LENGTH }));
    if (storage.getIdentity(groupId)) return setStep('confirm');
    void redeem();
  }

  if (step === 'done') return <p role="status">{intl.formatMessage(m.done)}</p>;
  if (step === 'closed')
    return (
      <button type="button" className="link-button" onClick={() => setStep('entering')}>
        {intl.formatMessage(m.open)}
      </button>
    );
  if (step === 'confirm')
    return (
      <div role="alertdialog" aria-labelledby="device-replace-text" className="form">
        <p id="device-replace-text">{intl.formatMessage(m.replaceText)}</p>
        <div className="button-row">
          <button type="button" className="danger" autoFocus onClick={() => void redeem()}>
            {intl.formatMessage(m.replace)}
          </button>
          <button type="button" onClick={() => setStep('entering')}>
            {intl.formatMessage(m.keep)}
          </button>
        </div>
      </div>
    );
  return (
    <form className="form" onSubmit={submit} aria-labelledby="device-code-heading">
      <h2 id="device-code-heading">{intl.formatMessage(m.heading)}</h2>
      <p className="hint" id="device-code-hint">
        {intl.formatMessage(m.hint, { b: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <label htmlFor="device-code">{intl.formatMessage(m.label)}</label>
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
        {intl.formatMessage(m.use)}
      </button>
    </form>
  );
}
