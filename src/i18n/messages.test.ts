import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

/**
 * The locale files against each other and against the code: the same keys with the same
 * substitutions in every language, every key the code asks for defined, none left unused,
 * and no English left untranslated by mistake. `i18n.t` keys must be literal strings so
 * this can find them (and so the types can check them).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LANGUAGES = ['en', 'ko'] as const;

interface Entry {
  substitutions: number;
  named: readonly string[];
  text: string;
}

function locale(language: string): Map<string, Entry> {
  const text = readFileSync(join(root, 'locales', `${language}.yml`), 'utf8');
  return new Map(
    parseMessagesText(text, 'YAML')
      // The browser's own (@@ui_locale...), which the parser adds to every file.
      .filter((m) => !m.key[0]?.startsWith('@@'))
      .map((m) => [
        m.key.join('.'),
        {
          substitutions: m.substitutions,
          named: m.namedSubstitutions,
          text: m.type === 'plural' ? Object.values(m.plurals).join(' | ') : String(m.message),
        },
      ]),
  );
}

function sourceFiles(): string[] {
  return ['src', 'entrypoints']
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .concat('wxt.config.ts');
}

/** Every `i18n.t(...)` in the code: its file and its first argument as written. */
function calls(): { file: string; key: string }[] {
  return sourceFiles().flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/\bi18n\.t\(\s*([^,)]*)/g)].map((m) => ({
      file,
      key: (m[1] as string).trim(),
    })),
  );
}

/** Manifest messages: `__MSG_ext_name__` is the key `ext.name` (messages.json joins with `_`). */
function manifestMessages(): string[] {
  const config = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
  return [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
}

const en = locale('en');
const flat = (key: string) => key.replaceAll('.', '_');

describe('locales', () => {
  it.each(LANGUAGES.slice(1))('%s has exactly the English keys, with the same substitutions', (language) => {
    const other = locale(language);
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, entry] of en) {
      const translated = other.get(key);
      expect({ key, substitutions: translated?.substitutions, named: translated?.named }).toEqual({
        key,
        substitutions: entry.substitutions,
        named: entry.named,
      });
    }
  });

  it('has message names the browser takes, each from one key', () => {
    const names = [...en.keys()].map(flat);
    expect(names.filter((name) => !/^[A-Za-z0-9_]+$/.test(name))).toEqual([]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('translates everything into Korean but the name and what is only a placeholder', () => {
    const ko = locale('ko');
    const same = [...en].filter(([key, entry]) => ko.get(key)?.text === entry.text).map(([key]) => key);
    expect(same.sort()).toEqual(['ext.action_title', 'ext.name', 'panel.pill_label']);
    const notHangul = [...ko]
      .filter(([key]) => !same.includes(key) && key !== 'meta.lang')
      .filter(([, entry]) => !/[\uAC00-\uD7A3]/.test(entry.text));
    expect(notHangul).toEqual([]);
  });
});

describe('the code and the locales', () => {
  const used = calls();

  it('asks i18n.t for literal keys only (so the types and this test can check them)', () => {
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((c) => !/^'[\w.]+'$/.test(c.key))).toEqual([]);
  });

  it('uses only keys the locales define', () => {
    const missing = used.filter((c) => !en.has(c.key.slice(1, -1)));
    expect(missing).toEqual([]);
    const names = new Set([...en.keys()].map(flat));
    expect(manifestMessages().filter((m) => !names.has(m))).toEqual([]);
    expect(manifestMessages()).toContain('ext_name');
  });

  it('leaves no key unused', () => {
    const keys = new Set([...used.map((c) => c.key.slice(1, -1)), ...manifestMessages()]);
    const unused = [...en.keys()].filter((key) => !keys.has(key) && !keys.has(flat(key)));
    expect(unused).toEqual([]);
  });
});
