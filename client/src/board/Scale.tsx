import { defineMessages, useIntl } from 'react-intl';
import type { BoardModel } from '@circle/shared';
import { lean } from '@circle/shared';
import { leanSentence } from './words';

const m = defineMessages({
  stay: {
    id: 'board.Scale.stay',
    defaultMessage: 'Stay: {weight}',
    description: 'Under the left pan of the scale: the weight of reasons to stay the same (keep it short)',
  },
  change: {
    id: 'board.Scale.change',
    defaultMessage: 'Change: {weight}',
    description: 'Under the right pan of the scale: the weight of reasons to change (keep it short)',
  },
});

/**
 * The lean as a picture: a balance scale whose heavier pan sinks. Reasons to stay the same hang on the
 * left, reasons to change on the right. The same sentence is the image's accessible name and its caption.
 */
export function Scale({ model }: { model: Pick<BoardModel, 'items'> }) {
  const intl = useIntl();
  const l = lean(model);
  const sentence = leanSentence(intl, model);
  const angle = l.tilt * 16;
  const rad = (angle * Math.PI) / 180;
  const arm = 110;
  const end = (side: -1 | 1) => ({ x: 150 + side * arm * Math.cos(rad), y: 60 + side * arm * Math.sin(rad) });
  const left = end(-1);
  const right = end(1);
  return (
    <figure className="scale">
      <svg viewBox="0 0 300 200" role="img" aria-label={sentence}>
        <polygon points="150,60 130,190 170,190" className="scale-post" />
        <line x1={left.x} y1={left.y} x2={right.x} y2={right.y} className="scale-beam" />
        <circle cx="150" cy="60" r="6" className="scale-pivot" />
        {[
          { p: left, side: 'stay', label: m.stay, weight: l.toStay },
          { p: right, side: 'change', label: m.change, weight: l.toChange },
        ].map(({ p, side, label, weight }) => (
          <g key={side}>
            <line x1={p.x} y1={p.y} x2={p.x - 26} y2={p.y + 40} className="scale-string" />
            <line x1={p.x} y1={p.y} x2={p.x + 26} y2={p.y + 40} className="scale-string" />
            <path
              d={`M ${p.x - 34} ${p.y + 40} Q ${p.x} ${p.y + 62} ${p.x + 34} ${p.y + 40} Z`}
              className={`scale-pan ${side}`}
            />
            <text x={p.x} y={p.y + 80} textAnchor="middle" className="scale-label">
              {intl.formatMessage(label, { weight })}
            </text>
          </g>
        ))}
      </svg>
      <figcaption aria-hidden="true">{sentence}</figcaption>
    </figure>
  );
}
