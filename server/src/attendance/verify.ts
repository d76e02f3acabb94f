import {
  normalizeProofCode,
  spacedProofCode,
  type AttendanceProof,
  type GroupLanguage,
} from '@circle/shared';
import { Router, type Request } from 'express';
import { clientAddress } from '../http/clientAddress.js';
import { GuessLimit } from '../identity/guessLimit.js';
import { html } from '../listing/pages.js';
import { pageLanguage } from '../listing/words.js';
import type { Store } from '../store/index.js';
import { proofPdf, type PdfProof } from './pdf.js';
import { findProof } from './proofs.js';
import { VERIFY_WORDS } from './verifyWords.js';

/** Wrong codes one address may try per window; a right one never counts. */
export const VERIFY_GUESSES = 10;
const WINDOW_MS = 10 * 60_000;

const STYLE =
  'body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:0 auto;padding:1rem}' +
  'dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dd{margin:0;font-weight:600}' +
  '.code{font-family:monospace;letter-spacing:.1em}@media print{form,button{display:none}}';

/** `print()` only: the page's one script, inline-free so the content security policy stays strict. */
const PRINT_SCRIPT = "document.getElementById('print')?.addEventListener('click',()=>window.print());";

/** Helvetica draws no Cyrillic: a Russian or Ukrainian reader's PDF speaks English (the names are spelled in Latin). */
const PDF_LANGUAGE: Record<GroupLanguage, GroupLanguage> = {
  en: 'en',
  ru: 'en',
  uk: 'en',
  es: 'es',
  fr: 'fr',
  de: 'de',
};

function pdfContents(p: AttendanceProof, lang: GroupLanguage, origin: string): PdfProof {
  const day = new Date(`${p.date}T12:00:00Z`);
  const date = new Intl.DateTimeFormat(PDF_LANGUAGE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    day,
  );
  return {
    groupName: p.groupName,
    date,
    name: p.name,
    code: spacedProofCode(p.code),
    verifyUrl: `${origin}/verify`,
  };
}

type Outcome = { kind: 'ask' } | { kind: 'valid'; proof: AttendanceProof } | { kind: 'invalid' | 'limited' };

function page(lang: GroupLanguage, outcome: Outcome, typed: string): string {
  const w = VERIFY_WORDS[lang];
  let body = '';
  if (outcome.kind === 'valid') {
    const p = outcome.proof;
    body =
      `<p>${html(w.valid)}</p><dl>` +
      `<dt>${html(w.group)}</dt><dd>${html(p.groupName)}</dd>` +
      `<dt>${html(w.date)}</dt><dd><time datetime="${html(p.date)}">${html(p.date)}</time></dd>` +
      `<dt>${html(w.name)}</dt><dd>${html(p.name)}</dd>` +
      `<dt>${html(w.code)}</dt><dd class="code">${html(spacedProofCode(p.code))}</dd></dl>` +
      `<button type="button" id="print">${html(w.print)}</button> ` +
      `<a href="/verify/proof.pdf?code=${html(p.code)}" download>${html(w.pdf)}</a>`;
  } else if (outcome.kind !== 'ask') body = `<p role="alert">${html(w[outcome.kind])}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${html(w.title)}</title>
<style>${STYLE}</style>
<script src="/verify/print.js" defer></script>
</head>
<body>
<main>
<h1>${html(w.title)}</h1>
${body}
<form method="get" action="/verify">
<p>${html(w.ask)}</p>
<label>${html(w.code)} <input name="code" value="${html(typed)}" autocomplete="off" maxlength="40"></label>
<button type="submit">${html(w.check)}</button>
</form>
</main>
</body>
</html>
`;
}

/**
 * `/verify`: anyone holding a code checks it, and learns only what the proof itself shows. Wrong codes are
 * counted per client address; past the limit every answer is "too many tries", right codes included, so
 * guessing gains nothing. `/api/verify?code=` answers the same in JSON.
 */
export function verifyRoutes(deps: { store: Store; now: () => number; trustedProxies: number }): Router {
  const router = Router();
  const guesses = new GuessLimit(VERIFY_GUESSES, WINDOW_MS, deps.now);

  async function check(req: Request): Promise<{ outcome: Outcome; typed: string }> {
    const raw = req.query.code;
    const typed = typeof raw === 'string' ? raw.slice(0, 40) : '';
    if (!typed) return { outcome: { kind: 'ask' }, typed };
    const address = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      deps.trustedProxies,
    );
    if (guesses.blocked(address)) return { outcome: { kind: 'limited' }, typed };
    const code = normalizeProofCode(typed);
    const proof = code ? await findProof(deps.store, code) : null;
    if (!proof) {
      guesses.fail(address);
      return { outcome: { kind: 'invalid' }, typed };
    }
    return { outcome: { kind: 'valid', proof }, typed };
  }

  router.get('/verify/print.js', (_req, res) => {
    res.set('cache-control', 'public, max-age=3600').type('js').send(PRINT_SCRIPT);
  });

  router.get('/verify', async (req, res) => {
    const { outcome, typed } = await check(req);
    const status = outcome.kind === 'limited' ? 429 : outcome.kind === 'invalid' ? 404 : 200;
    res
      .status(status)
      .set('cache-control', 'no-store')
      .set('referrer-policy', 'no-referrer')
      .set('vary', 'accept-language')
      .type('html')
      .send(page(pageLanguage(req.get('accept-language')), outcome, typed));
  });

  // The same proof as a file: a PDF whose words are in the reader's language when its fonts can draw it.
  router.get('/verify/proof.pdf', async (req, res) => {
    const { outcome } = await check(req);
    res.set('cache-control', 'no-store').set('referrer-policy', 'no-referrer');
    if (outcome.kind === 'limited') return void res.status(429).json({ error: 'RATE_LIMITED' });
    if (outcome.kind !== 'valid') return void res.status(outcome.kind === 'ask' ? 400 : 404).end();
    const lang = pageLanguage(req.get('accept-language'));
    const file = proofPdf(
      pdfContents(outcome.proof, lang, `${req.protocol}://${req.get('host')}`),
      VERIFY_WORDS[PDF_LANGUAGE[lang]],
    );
    res
      .type('application/pdf')
      .set('content-disposition', `attachment; filename="proof-of-attendance-${outcome.proof.code}.pdf"`)
      .send(file);
  });

  router.get('/api/verify', async (req, res) => {
    const { outcome } = await check(req);
    res.set('cache-control', 'no-store');
    if (outcome.kind === 'valid') {
      const { groupName, date, name, code } = outcome.proof;
      return void res.json({ valid: true, groupName, date, name, code });
    }
    if (outcome.kind === 'limited') return void res.status(429).json({ error: 'RATE_LIMITED' });
    if (outcome.kind === 'ask') return void res.status(400).json({ error: 'BAD_REQUEST' });
    res.status(404).json({ valid: false });
  });

  return router;
}
