import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LINE_CHILDREN,
  PURCHASE_BOOK_TOTALS,
  REGISTRATION_FIELDS,
  salesBookTotals,
  salesBookLineSchema,
  salesRatesOf,
  writeNdsSectionBytes,
  type NdsVersion,
} from './index.js';
import { purchaseLines, salesLines, SECTION8_FILE, SECTION9_FILE } from './test-support/fixtures.js';
import { sectionTree, sectionXsd } from './test-support/tsv-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'sledopyt-nds-xsd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `xmllint --noout --stream --schema` (streaming: flat memory, handles windows-1251). */
function xmllint(xml: Uint8Array, xsd: string, name: string): { ok: boolean; output: string } {
  const xsdPath = join(dir, `${name}.xsd`);
  const xmlPath = join(dir, `${name}.xml`);
  writeFileSync(xsdPath, xsd);
  writeFileSync(xmlPath, xml);
  try {
    execFileSync('xmllint', ['--noout', '--stream', '--schema', xsdPath, xmlPath], { stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    const failure = error as { stderr?: Buffer; message: string };
    return { ok: false, output: failure.stderr?.toString() ?? failure.message };
  }
}

/** Lines valid in a version: 20 % columns and whole-rouble costs before 5.12. */
function salesFor(version: NdsVersion, count: number) {
  return salesLines(count).map((line) => {
    if (salesRatesOf(version).includes('22')) return line;
    const { СтоимПродСФ22, СумНДССФ22, ...rest } = line;
    const entries = (line.СвРегНом ?? []).map((entry) => (entry.СтоимТовПросл === undefined ? entry : { ...entry, СтоимТовПросл: (entry.СтоимТовПросл / 100n) * 100n }));
    return { ...rest, СтоимПродСФ20: СтоимПродСФ22, СумНДССФ20: СумНДССФ22, СвРегНом: entries };
  });
}

describe('written sections validate against an XSD generated from the format table', () => {
  for (const version of ['5.12', '5.11', '5.08'] as const) {
    it(`section 9, format ${version}`, async () => {
      const lines = salesFor(version, 200);
      const totals = salesBookTotals(lines.map((line) => salesBookLineSchema.parse(line)), version);
      const bytes = await writeNdsSectionBytes({ ...SECTION9_FILE, ВерсФорм: version, totals }, lines);
      const result = xmllint(bytes, sectionXsd('9', version), `s9-${version}`);
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
    });
  }

  it('section 8, format 5.12', async () => {
    const bytes = await writeNdsSectionBytes(SECTION8_FILE, purchaseLines(100));
    const result = xmllint(bytes, sectionXsd('8', '5.12'), 's8');
    expect(result.output).toBe('');
  });

  it('the check can fail: children out of order, a 22 % column in 5.11, a missing mandatory attribute', async () => {
    const text = new TextDecoder('windows-1251').decode(await writeNdsSectionBytes(SECTION9_FILE, salesLines(3)));
    const reordered = text.replace(/(<КодВидОпер>01<\/КодВидОпер>)(\s*)(<СвРегНом [^>]*\/>)/, '$3$2$1');
    expect(xmllint(new TextEncoder().encode(reordered.replace('windows-1251', 'UTF-8')), sectionXsd('9', '5.12'), 'bad1').output).toContain('КодВидОпер');
    expect(xmllint(new TextEncoder().encode(text.replace('windows-1251', 'UTF-8')), sectionXsd('9', '5.11'), 'bad2').output).toContain('СтоимПродСФ22');
    const noNumber = text.replace(/ НомСчФПрод="[^"]*"/, '');
    expect(xmllint(new TextEncoder().encode(noNumber.replace('windows-1251', 'UTF-8')), sectionXsd('9', '5.12'), 'bad3').output).toContain('НомСчФПрод');
  });
});

describe('structure.ts agrees with the format table', () => {
  const attributes = (tree: ReturnType<typeof sectionTree>, ...path: string[]) => {
    let element = tree;
    for (const name of path) {
      const next = element.children.find((child) => child.element.name === name)?.element;
      if (next === undefined) throw new TypeError(`no ${name}`);
      element = next;
    }
    return element;
  };

  it('line attributes, their order and which are mandatory', () => {
    for (const [section, book, line, kind] of [['8', 'КнигаПокуп', 'КнПокСтр', 'purchase'], ['9', 'КнигаПрод', 'КнПродСтр', 'sales']] as const) {
      const table = attributes(sectionTree(section, '5.12'), 'Документ', book, line);
      const fields = LINE_CHILDREN[kind].lineFields.filter((field) => !field.name.endsWith('18'));
      expect(table.attributes.map((attribute) => attribute.name)).toEqual(fields.map((field) => field.name));
      expect(table.attributes.filter((attribute) => attribute.required).map((attribute) => attribute.name)).toEqual(fields.filter((field) => field.required).map((field) => field.name));
      expect(table.children.map((child) => child.element.name)).toEqual(childNamesInTableOrder(kind));
    }
  });

  it('СвРегНом and the section 8 total', () => {
    const table = attributes(sectionTree('9', '5.12'), 'Документ', 'КнигаПрод', 'КнПродСтр', 'СвРегНом');
    expect(table.attributes.map((attribute) => [attribute.name, attribute.required])).toEqual(REGISTRATION_FIELDS.map((field) => [field.name, field.required]));
    expect(attributes(sectionTree('8', '5.12'), 'Документ', 'КнигаПокуп').attributes.map((attribute) => attribute.name)).toEqual([...PURCHASE_BOOK_TOTALS]);
  });
});

/** The writer's child order per book (structure of the writer, checked against the table above). */
function childNamesInTableOrder(kind: 'purchase' | 'sales'): string[] {
  return kind === 'purchase'
    ? ['КодВидОпер', 'ДокПдтвУпл', 'СвЧастСчФ', 'ДатаУчТов', 'СвПрод', 'СвПос', 'СвРегНом']
    : ['КодВидОпер', 'СвРегНом', 'КодВидТовар', 'ДокПдтвОпл', 'СвЧастСчФ', 'СвПокуп', 'СвПос'];
}

