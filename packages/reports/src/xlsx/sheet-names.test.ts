import { describe, expect, it } from 'vitest';
import { DISCREPANCY_CATALOG } from '@sledopyt/core';
import { SheetNames, cleanSheetName } from './sheet-names.js';

describe('sheet names', () => {
  it('fits every catalog title into Excel’s rules, all different', () => {
    const names = new SheetNames();
    const claimed = Object.values(DISCREPANCY_CATALOG).map((rule) => names.claim(rule.titleRu));
    for (const name of claimed) {
      expect([...name].length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(claimed.map((n) => n.toLowerCase())).size).toBe(claimed.length);
    expect(claimed).toContain('Нет документа к строке деклара…');
  });

  it('replaces forbidden characters, strips edge apostrophes and numbers repeats', () => {
    expect(cleanSheetName("'ИНН/КПП: [ошибка]?'")).toBe('ИНН КПП ошибка');
    const names = new SheetNames();
    expect(names.claim('Сводка')).toBe('Сводка');
    expect(names.claim('сводка')).toBe('сводка (2)');
    expect(names.claim('History')).toBe('History (2)');
  });
});
