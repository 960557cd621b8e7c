import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ru } from './ru.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf key as a dotted path, e.g. `outbox.count_few`. */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? leafKeys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** Keys with plural suffixes folded into their base key. */
function baseKeys(tree: object): string[] {
  return [...new Set(leafKeys(tree).map((key) => key.replace(PLURAL, '')))].sort();
}

/** For each plural base key, the suffixes present. */
function pluralForms(tree: object): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const key of leafKeys(tree)) {
    const match = PLURAL.exec(key);
    if (!match?.[1]) continue;
    const base = key.replace(PLURAL, '');
    forms.set(base, [...(forms.get(base) ?? []), match[1]].sort());
  }
  return forms;
}

describe('UI strings', () => {
  it('has the same keys in Russian and English', () => {
    expect(baseKeys(en)).toEqual(baseKeys(ru));
  });

  it('gives every Russian plural its one, few, many and other forms', () => {
    const forms = pluralForms(ru);
    expect(forms.size).toBeGreaterThan(0);
    for (const [key, suffixes] of forms) {
      expect({ key, suffixes }).toEqual({ key, suffixes: ['few', 'many', 'one', 'other'] });
    }
  });

  it('gives every English plural its one and other forms', () => {
    for (const [key, suffixes] of pluralForms(en)) {
      expect({ key, suffixes }).toEqual({ key, suffixes: ['one', 'other'] });
    }
  });

  it('leaves no string empty', () => {
    for (const [language, tree] of Object.entries({ ru, en })) {
      const empty = leafKeys(tree).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => {
          return typeof node === 'object' && node !== null
            ? (node as Record<string, unknown>)[part]
            : undefined;
        }, tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });
});
