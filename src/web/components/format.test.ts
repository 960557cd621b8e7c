import { describe, expect, it } from 'vitest';
import { safeNextPath } from './format.js';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/console/outbox?x=1')).toBe('/console/outbox?x=1');
  });

  it('refuses other sites and anything that is not a path', () => {
    for (const next of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '',
      null,
    ]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});
