import { WIN_ANSI_EXTRA } from './pdf.js';

/** Windows-1252's bytes 0x80–0x9F back to their characters (Node's decoders may lack this code page). */
const FROM_EXTRA = new Map(Object.entries(WIN_ANSI_EXTRA).map(([ch, byte]) => [byte, ch]));

/**
 * A checker of the PDFs `pdf.ts` writes, for tests: the structure a reader relies on (header, every
 * cross-reference offset landing on its object, stream lengths, trailer) and the text each `Tj` draws.
 * It reads only what a one-page PDF without compression holds; anything else is reported as a problem.
 */
export function readPdf(file: Buffer): { problems: string[]; texts: string[] } {
  const s = file.toString('latin1');
  const problems: string[] = [];
  if (!/^%PDF-1\.[0-7]\n/.test(s)) problems.push('no %PDF-1.x header');
  if (!/%%EOF\n?$/.test(s)) problems.push('no %%EOF at the end');
  const start = /startxref\n(\d+)\n%%EOF\n?$/.exec(s);
  const xrefAt = start ? Number(start[1]) : -1;
  const table = /^xref\n0 (\d+)\n/.exec(s.slice(xrefAt));
  if (!start || !table)
    return { problems: [...problems, 'startxref does not point at the xref table'], texts: [] };
  const count = Number(table[1]);
  const entries = s.slice(xrefAt + table[0].length, xrefAt + table[0].length + count * 20);
  for (let i = 0; i < count; i++) {
    const entry = entries.slice(i * 20, i * 20 + 20);
    const m = /^(\d{10}) (\d{5}) ([nf])(?: \n|\r\n)$/.exec(entry);
    if (!m) problems.push(`xref entry ${i} is not 20 bytes of "offset generation n|f"`);
    else if (m[3] === 'n' && !s.slice(Number(m[1])).startsWith(`${i} 0 obj\n`))
      problems.push(`xref entry ${i} does not point at object ${i}`);
  }
  const trailer = /trailer\n<<([^]*?)>>\nstartxref/.exec(s);
  if (!trailer || !trailer[1]!.includes(`/Size ${count} `))
    problems.push('trailer /Size differs from the table');
  if (!trailer?.[1]!.includes('/Root 1 0 R')) problems.push('trailer has no /Root');
  const texts: string[] = [];
  for (const m of s.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const body = s.slice(m.index + m[0].length, m.index + m[0].length + Number(m[1]));
    if (!s.startsWith('\nendstream', m.index + m[0].length + Number(m[1])))
      problems.push('a stream /Length is not its length');
    for (const t of body.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)) texts.push(unescape(t[1]!));
  }
  return { problems, texts };
}

/** The bytes of a literal string, read as Windows-1252 as the page's fonts do. */
function unescape(raw: string): string {
  return raw.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => {
    if (!/^[0-7]/.test(e)) return e;
    const byte = parseInt(e, 8);
    return FROM_EXTRA.get(byte) ?? String.fromCharCode(byte);
  });
}
