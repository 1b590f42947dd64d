import { describe, expect, it } from 'vitest';
import { buildUrl, encodePathSegment, keyFilter } from './query.js';

const ROOT = 'http://1c.example/%D0%B1%D1%83%D1%85/odata/standard.odata/';

describe('request URLs', () => {
  it('percent-encodes Cyrillic names and uses %20 (never +) for spaces', () => {
    const url = buildUrl(ROOT, ['Catalog_НомераГТД'], { select: ['Ref_Key', 'Code'], filter: "ЭтоРНПТ eq true and IsFolder eq false", orderBy: ['Ref_Key'], top: 500, skip: 1000 });
    expect(url).toBe(
      `${ROOT}Catalog_%D0%9D%D0%BE%D0%BC%D0%B5%D1%80%D0%B0%D0%93%D0%A2%D0%94?$format=json&$select=Ref_Key,Code` +
        '&$filter=%D0%AD%D1%82%D0%BE%D0%A0%D0%9D%D0%9F%D0%A2%20eq%20true%20and%20IsFolder%20eq%20false&$orderby=Ref_Key&$top=500&$skip=1000',
    );
    expect(url).not.toContain('+');
    expect(new URL(url).searchParams.get('$filter')).toBe('ЭтоРНПТ eq true and IsFolder eq false');
  });

  it('keeps the key syntax readable in paths and escapes & and = inside values', () => {
    expect(encodePathSegment("Document_Реализация_Товары(Ref_Key=guid'0b1c2d3e-0000-11ef-8000-000000000001',LineNumber=1)")).toContain("(Ref_Key=guid'0b1c2d3e-0000-11ef-8000-000000000001',LineNumber=1)");
    const url = buildUrl(ROOT, ['Catalog_Контрагенты'], { filter: "Description eq 'Рога & Копыта = ООО'" });
    expect(new URL(url).searchParams.get('$filter')).toBe("Description eq 'Рога & Копыта = ООО'");
  });

  it('refuses $inlinecount together with paging (1C would ignore $top/$skip)', () => {
    expect(() => buildUrl(ROOT, ['Catalog_X'], { top: 10, params: [['$inlinecount', 'allpages']] })).toThrow(/inlinecount/);
    expect(buildUrl(ROOT, ['Catalog_X', '$count'], { filter: 'DeletionMark eq false', json: false })).toBe(`${ROOT}Catalog_X/$count?$filter=DeletionMark%20eq%20false`);
  });

  it('chains key look-ups with or', () => {
    expect(keyFilter('Ref_Key', ["guid'a'", "guid'b'"])).toBe("Ref_Key eq guid'a' or Ref_Key eq guid'b'");
  });
});
