import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { createRnptSchema, customsDeclarationNumberSchema, rnptSchema } from './schema.js';

describe('rnptSchema', () => {
  it('outputs the canonical RNPT', () => {
    expect(rnptSchema.parse(' 10702070 / 010126 / 0000001 / 1 ')).toBe('10702070/010126/0000001/001');
  });

  it('fails with the Russian message and the stable code', () => {
    const result = rnptSchema.safeParse('10702070/310226/0000001/001');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.message).toContain('такой даты нет в календаре');
    expect(issue && 'params' in issue && issue.params).toMatchObject({ code: 'RNPT_DATE_INVALID', group: 2 });
  });

  it('rejects non-strings', () => {
    expect(rnptSchema.safeParse(10702070).success).toBe(false);
  });

  it('applies parse options', () => {
    const strict = createRnptSchema({ strict: true, today: '2026-11-24' as CalendarDate });
    expect(strict.safeParse('10702070 / 010126 / 0000001 / 001').success).toBe(false);
    expect(strict.safeParse('10702070/011226/0000001/001').success).toBe(false);
    expect(strict.safeParse('10702070/011126/0000001/001').success).toBe(true);
  });
});

describe('customsDeclarationNumberSchema', () => {
  it('accepts a ДТ number and rejects an RNPT', () => {
    expect(customsDeclarationNumberSchema.parse('10702070/010126/0000001')).toBe('10702070/010126/0000001');
    const rnpt = customsDeclarationNumberSchema.safeParse('10702070/010126/0000001/001');
    expect(rnpt.error?.issues[0]?.message).toContain('это РНПТ');
  });
});
