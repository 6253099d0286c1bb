import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Styles are CSS (STYLE.md, issue 13): style sheets live in `.css` files, which Biome lints
 * and formats, imported `?inline` where a shadow root or a constructed sheet needs them and
 * linked from the extension pages. CSS in a TypeScript string is checked by nothing, so no
 * shipped module may hold a rule in one.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A rule: a selector, a brace, then at least one `property: value;` declaration. */
const CSS_RULE = /[^\s{};]\s*\{\s*-?[a-z][-a-z]*\s*:[^;{}]+;/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The text of every string and template literal in a module (a template's holes as `\0`). */
function literals(fileName: string, source: string): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      found.push(node.head.text + node.templateSpans.map((span) => `\0${span.literal.text}`).join(''));
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

const holdsCss = (fileName: string, source: string) => literals(fileName, source).some((text) => CSS_RULE.test(text));

describe('style sheets', () => {
  it('finds CSS held in a string, and not code that only looks a little like it', () => {
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: these strings are TypeScript sources to scan.
    const themeAsItWas = 'export const themeCss = /* css */ `\n.fh-theme {\n  color-scheme: light dark;\n}\n`;';
    const composed = 'export const css = `${themeCss}\nbody { margin: 0; }`;';
    const highlight = 'const HIGHLIGHT_CSS = `::highlight(${NAME}) {\n  text-decoration-line: underline;\n}`;';
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: the sources end here.
    expect(holdsCss('a.ts', themeAsItWas)).toBe(true);
    expect(holdsCss('b.ts', composed)).toBe(true);
    expect(holdsCss('c.ts', highlight)).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a TypeScript source to scan.
    const code = "const a = { kind: 'x' }; const t = `${a.kind}: ${'{'} done`; const s = 'a: b; c';";
    expect(holdsCss('d.tsx', `${code}\nexport const C = () => <p style={{ color: 'red' }}>{t}</p>;`)).toBe(false);
  });

  it('are .css files: no module of the extension holds CSS in a string', () => {
    // src/testing/ is not the extension: its synthetic pages are whole HTML documents, styles and all.
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'entrypoints'))].filter(
      (f) => !relative(root, f).startsWith('src/testing/'),
    );
    // The walk reaches the modules that used to hold the sheets.
    expect(files.map((f) => relative(root, f))).toContain('src/ui/in-page/term-marks.ts');
    const holding = files.filter((f) => holdsCss(f, readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(holding).toEqual([]);
  });
});
