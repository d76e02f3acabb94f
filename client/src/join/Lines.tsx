/**
 * Text written one idea per line (the plain-words versions): each line its own block, so a line never
 * runs into the next one and a screen reader pauses between them.
 */
export function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  if (lines.length === 1) return <>{text}</>;
  return (
    <>
      {lines.map((line, i) => (
        <span key={i} className="plain-line" style={{ display: 'block' }}>
          {line}
        </span>
      ))}
    </>
  );
}
