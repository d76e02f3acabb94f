import { describe, expect, it } from 'vitest';
import { pdfString, proofPdf, type PdfWords } from './pdf.js';
import { readPdf } from './pdfRules.js';

const words: PdfWords = {
  title: 'Proof of attendance',
  group: 'Group',
  date: 'Date of the meeting',
  name: 'Attended',
  code: 'Verification code',
  checkAt: 'Check this code at',
};
const proof = {
  groupName: 'Wednesday (harbour) \\ café – “open”',
  date: '29 November 2026',
  name: 'A. M. L.',
  code: 'K7MQ2 X9PTA',
  verifyUrl: 'https://circle.example/verify',
};

describe('the proof of attendance as a PDF', () => {
  it('is a PDF 1.4 whose cross-reference offsets, stream length and trailer are right', () => {
    const file = proofPdf(proof, words);
    expect(file.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    const { problems, texts } = readPdf(file);
    expect(problems).toEqual([]);
    expect(texts).toEqual([
      'Proof of attendance',
      'Group',
      proof.groupName,
      'Date of the meeting',
      proof.date,
      'Attended',
      'A. M. L.',
      'Verification code',
      'K7MQ2 X9PTA',
      'Check this code at https://circle.example/verify',
    ]);
  });

  it('the checker notices a broken file (a moved object, a wrong length, no header)', () => {
    const good = proofPdf(proof, words).toString('latin1');
    const broken = (s: string) => readPdf(Buffer.from(s, 'latin1')).problems;
    expect(broken(good.replace('1 0 obj', ' 1 0 obj'))).not.toEqual([]);
    expect(
      broken(good.replace(/\/Length (\d)/, (_, d: string) => `/Length ${(Number(d) + 1) % 10}`)),
    ).toContain('a stream /Length is not its length');
    expect(broken(good.replace('%PDF-1.4', '%PDX-1.4'))).toContain('no %PDF-1.x header');
  });

  it('writes Cyrillic in Latin letters and anything else the fonts lack as "?", never raw bytes', () => {
    expect(pdfString('Аня (Київ)')).toBe('(Ania \\(Kiiv\\))');
    expect(pdfString('Щука')).toBe('(Shchuka)');
    expect(pdfString('李 ok')).toBe('(? ok)');
    expect(pdfString('Zoë')).toBe('(Zo\\353)');
    const { texts } = readPdf(proofPdf({ ...proof, name: 'Ж. Б.' }, words));
    expect(texts).toContain('Zh. B.');
  });
});
