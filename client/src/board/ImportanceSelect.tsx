import { useIntl } from 'react-intl';
import { BOARD_LIMITS } from '@circle/shared';
import { importanceOption } from './words';

const WEIGHTS = Array.from(
  { length: BOARD_LIMITS.importanceMax - BOARD_LIMITS.importanceMin + 1 },
  (_, i) => BOARD_LIMITS.importanceMin + i,
);

/** How much a reason matters, 1 to 5, with words so the number means something. */
export function ImportanceSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  const intl = useIntl();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {WEIGHTS.map((w) => (
        <option key={w} value={w}>
          {importanceOption(intl, w)}
        </option>
      ))}
    </select>
  );
}
