/**
 * A proof of attendance as a one-page PDF 1.4, written by hand: four lines of text need no library. It uses
 * the standard Helvetica and Courier fonts (every reader has them, nothing is embedded), which only draw
 * the Windows-1252 ("WinAnsi") letters: other scripts are written in Latin letters (see `latinOf`); the
 * /verify page, which the code leads to, shows the names as they were given.
 */

/** The words a PDF prints, in a language its fonts can draw. */
export interface PdfWords {
  title: string;
  group: string;
  date: string;
  name: string;
  code: string;
  checkAt: string;
}

export interface PdfProof {
  groupName: string;
  /** As the reader of that language writes a date ("29 November 2026"). */
  date: string;
  name: string;
  /** The verification code as printed (spaced for reading). */
  code: string;
  /** Where anyone checks the code. */
  verifyUrl: string;
}

/** Windows-1252 has these above 0x7F outside Latin-1; Latin-1's own (0xA0–0xFF) keep their byte. */
export const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}; // prettier-ignore

/** Cyrillic (Russian and Ukrainian letters) in Latin letters, close to the usual passport spelling. */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i',
  і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'iu', я: 'ia',
}; // prettier-ignore

/** One character as the standard fonts can draw it: itself, its Latin spelling, or "?". */
function latinOf(ch: string): string {
  const lower = ch.toLowerCase();
  const latin = CYRILLIC[lower];
  if (latin === undefined) return '?';
  return ch === lower || !latin ? latin : latin[0]!.toUpperCase() + latin.slice(1);
}

/** A PDF literal string of WinAnsi bytes, with its delimiters escaped. */
export const pdfString = (text: string): string => `(${winAnsi(text.normalize('NFC'))})`;

function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code >= 0xa0 && code <= 0xff) out += `\\${code.toString(8)}`;
    else if (WIN_ANSI_EXTRA[ch] !== undefined) out += `\\${WIN_ANSI_EXTRA[ch].toString(8)}`;
    else if (/\s/.test(ch)) out += ' ';
    else out += winAnsi(latinOf(ch));
  }
  return out;
}

/** The page's drawing: a title, then label and value per line (A4, 72 pt margins). */
function content(p: PdfProof, w: PdfWords): string {
  const lines: string[] = ['BT', '/F2 22 Tf', '72 750 Td', `${pdfString(w.title)} Tj`];
  const row = (label: string, value: string, font = '/F2 14 Tf') =>
    lines.push('0 -44 Td', '/F1 11 Tf', `${pdfString(label)} Tj`, '0 -18 Td', font, `${pdfString(value)} Tj`);
  row(w.group, p.groupName);
  row(w.date, p.date);
  row(w.name, p.name);
  row(w.code, p.code, '/F3 16 Tf');
  lines.push('0 -44 Td', '/F1 11 Tf', `${pdfString(`${w.checkAt} ${p.verifyUrl}`)} Tj`, 'ET');
  return lines.join('\n');
}

/** The whole file. Offsets in the cross-reference table are byte offsets, so everything stays one byte per char. */
export function proofPdf(p: PdfProof, w: PdfWords): Buffer {
  const stream = content(p, w);
  const font = (name: string) =>
    `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    font('Helvetica'),
    font('Helvetica-Bold'),
    font('Courier-Bold'),
    `<< /Title ${pdfString(w.title)} /Producer (Circle) >>`,
  ];
  // The binary comment line tells transfer tools the file is not plain text.
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
