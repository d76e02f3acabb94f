/**
 * No words for people written straight into the client: every one goes through a message
 * (`defineMessages` + `intl.formatMessage` / `<FormattedMessage>`), so every language can say it.
 * A literal that is not for people (a key name, a CSS value) may stay with `// i18n-exempt: why` on its line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'client/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Attributes whose value people read or hear. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Looks like words for people: a capital then lower-case letters (any script), or two words. */
const WORDY = /^\p{Lu}\p{Ll}+|\p{L}{2,}[,!?…;]?\s+\p{L}{2,}/u;
const KEYS = new Set([
  'Enter',
  'Escape',
  'Tab',
  'Space',
  'Backspace',
  'Delete',
  'Home',
  'End',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Shift',
  'Control',
  'Alt',
  'Meta',
]);

export function hardCoded(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const lines = text.split('\n');
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
    if (/i18n-exempt/.test(lines[line] ?? '') || /i18n-exempt/.test(lines[line - 1] ?? '')) return;
    found.push(`${relative(root, file)}:${line + 1} ${what.trim().slice(0, 60)}`);
  };
  /** Inside `defineMessages({...})`, a `description`, an import, a console call, `new Error(...)`: not shown. */
  const exempt = (node: ts.Node): boolean => {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
      if (ts.isCallExpression(n)) {
        const callee = n.expression.getText(source);
        if (
          /^(defineMessages|defineMessage|console\.\w+|document\.\w+|querySelector\w*|\w+\.(querySelector\w*|closest|matches|getItem|setItem|removeItem|emit|on|off|once))$/.test(
            callee,
          )
        )
          return true;
      }
      if (ts.isNewExpression(n) && /Error$/.test(n.expression.getText(source))) return true;
      if (ts.isJsxAttribute(n) && !TEXT_ATTRIBUTES.has(n.name.getText(source))) return true;
      if (ts.isPropertyAssignment(n) && n.name.getText(source) === 'className') return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const value = node.text;
      const key =
        (ts.isPropertyAssignment(node.parent) || ts.isPropertySignature(node.parent)) &&
        node.parent.name === node;
      const attribute =
        ts.isJsxAttribute(node.parent) && TEXT_ATTRIBUTES.has(node.parent.name.getText(source));
      if (attribute ? /\p{L}/u.test(value) : !key && WORDY.test(value) && !KEYS.has(value) && !exempt(node))
        report(node, value);
    } else if (ts.isTemplateExpression(node)) {
      const literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (WORDY.test(literal) && !exempt(node)) report(node, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('client text', () => {
  it('finds a hard-coded sentence, a JSX word and a spoken label', () => {
    const sample = `const a = 'Please wait a moment';\nconst b = <p title="Close">Hello {a}</p>;\nconst c = <div className="page narrow" data-x="ArrowUp" />;\n`;
    expect(hardCoded('x.tsx', sample)).toHaveLength(3);
  });

  it('leaves messages, class names, key names and exempted lines alone', () => {
    const sample = [
      `const m = defineMessages({ a: { id: 'x.a', defaultMessage: 'Leave the room', description: 'A button' } });`,
      `const k = e.key === 'Enter';`,
      `const c = <div className="page narrow">{intl.formatMessage(m.a)}</div>;`,
      `const s = 'Noto Sans'; // i18n-exempt: a font name`,
    ].join('\n');
    expect(hardCoded('x.tsx', sample)).toEqual([]);
  });

  it('has no hard-coded words for people in client/src', () => {
    const found = sources(src).flatMap((file) => hardCoded(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
