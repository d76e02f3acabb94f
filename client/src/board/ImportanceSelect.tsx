import { BOARD_LIMITS } from '@circle/shared';

const WEIGHTS = Array.from(
  { length: BOARD_LIMITS.importanceMax - BOARD_LIMITS.importanceMin + 1 },
  (_, i) => BOARD_LIMITS.importanceMin + i,
);
const WORDS: Record<number, string> = {
  1: 'a little',
  2: 'some',
  3: 'quite a lot',
  4: 'a lot',
  5: 'very much',
};

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
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {WEIGHTS.map((w) => (
        <option key={w} value={w}>
          {w} – {WORDS[w]}
        </option>
      ))}
    </select>
  );
}
