import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSledopytError, type SledopytError } from '@sledopyt/core';
import { afterAll, describe, expect, it } from 'vitest';
import { cp1251, utf8 } from '../test-support/index.js';
import { readNdsLines, salesBookLineSchema, writeNdsSectionBytes, type SalesBookLine } from './index.js';
import { chunked, generatedBooks, readAll, readUntilError, SALES_LINE, SALES_TAIL, salesLines, SECTION9_FILE } from './test-support/fixtures.js';

const HEAD = `<?xml version="1.0" encoding="windows-1251"?>
<Файл ИдФайл="NO_NDS.9_7701_7701_7707083893770701001_20260420_5f34036f-27c9-438b-8ccc-0c5059326d04" ВерсПрог="1С:Бухгалтерия 3.0" ВерсФорм="5.12">
 <Документ Индекс="0000090" НомКорр="0">
  <КнигаПрод СтПродБезНДС22="84000.00" СумНДСВсКПр22="18480.00">
`;
const TAIL = SALES_TAIL;
const LINE = SALES_LINE;
const section = (lines: string, head = HEAD) => cp1251(head + lines + TAIL);

/** Both readers on the same bytes must agree, line by line. */
async function bothReaders(bytes: Uint8Array, chunkSize?: number) {
  const source = () => (chunkSize === undefined ? bytes : chunked(bytes, chunkSize));
  const fast = await readAll(source(), 'scanner', { fileName: 'NO_NDS.9.xml' });
  const reference = await readAll(source(), 'saxes', { fileName: 'NO_NDS.9.xml' });
  expect(fast.lines.length).toBe(reference.lines.length);
  fast.lines.forEach((line, index) => expect(line, `line ${index + 1}`).toStrictEqual(reference.lines[index]));
  expect(fast.header).toStrictEqual(reference.header);
  return fast;
}

function asError(error: unknown): SledopytError {
  if (!isSledopytError(error)) return expect.fail(`expected a SledopytError, got ${String(error)}`);
  return error;
}

describe('readNdsLines agrees with saxes', () => {
  it('on generated sales and purchase books, whole and in chunks of 1, 7 and 4096 bytes', async () => {
    for (const bytes of await generatedBooks(150, 60)) {
      const whole = await bothReaders(bytes);
      expect(whole.lines.length).toBeGreaterThan(50);
      for (const size of [1, 7, 4096]) expect((await bothReaders(bytes, size)).lines).toStrictEqual(whole.lines);
    }
  });

  it('reads what the writer wrote (scanner = saxes = model)', async () => {
    const input = salesLines(40);
    const { lines } = await bothReaders(await writeNdsSectionBytes(SECTION9_FILE, input));
    expect(lines).toEqual(input.map((line) => salesBookLineSchema.parse(line)));
  });

  it('on entities and character references in counterparty data and invoice numbers', async () => {
    const line = LINE.replace('НомСчФПрод="УТ-1"', 'НомСчФПрод="УТ-1 &quot;Ромашка&quot; &amp; К&#176; &#x41;&lt;&gt;&apos;"');
    const { lines } = await bothReaders(section(line));
    expect((lines[0] as SalesBookLine).НомСчФПрод).toBe(`УТ-1 "Ромашка" & К° A<>'`);
  });

  it('on attributes in any order, single quotes, whitespace and line breaks between attributes', async () => {
    const line = `<КнПродСтр
        СумНДССФ22 = '18480.00'	СтоимПродСФ22="84000.00"
        ДатаСчФПрод='15.01.2026' НомСчФПрод="УТ-'1'" НомерПор  =  "1" >
      <КодВидОпер>01</КодВидОпер >
      <СвРегНом СтоимТовПросл='84000' КолТовПросл="2"
                ОКЕИ="796" РегНомПросл='10702070/010126/0000001/001'   />
      <СвПокуп ><СведИП ИННФЛ="772112345678"></СведИП></СвПокуп>
    </КнПродСтр >
`;
    const { lines } = await bothReaders(section(line));
    const read = lines[0] as SalesBookLine;
    expect(read).toMatchObject({ НомерПор: 1, НомСчФПрод: "УТ-'1'", СумНДССФ22: 1_848_000n, СвПокуп: [{ kind: 'СведИП', ИННФЛ: '772112345678' }] });
    expect(read.СвРегНом[0]).toMatchObject({ СтоимТовПросл: 8_400_000n, ОКЕИ: '796', kind: 'rnpt' });
  });

  it('on literal tabs and line breaks inside values (normalised to spaces, CRLF counted once)', async () => {
    const { lines } = await bothReaders(section(LINE.replace('НомСчФПрод="УТ-1"', 'НомСчФПрод="УТ-1\r\n\tдоп"')));
    expect((lines[0] as SalesBookLine).НомСчФПрод).toBe('УТ-1  доп');
  });

  it('on comments, processing instructions, CDATA and elements of a later format version', async () => {
    const line = LINE.replace('<КодВидОпер>01</КодВидОпер>', '<!-- код --><КодВидОпер><![CDATA[0]]>1</КодВидОпер><?page 2?><НовыйЭлемент А="1"><Б/>текст</НовыйЭлемент>').replace(
      'НомерПор="1"',
      'НомерПор="1" НовыйАтрибут="x &amp; y"',
    );
    const { lines } = await bothReaders(section(`<!-- строки --><ДопСведения Вид="1"/>${line}`));
    expect(lines).toHaveLength(1);
    expect((lines[0] as SalesBookLine).КодВидОпер).toEqual(['01']);
  });

  it('on UTF-8 files with a byte-order mark, and windows-1251 without a declaration of lines', async () => {
    const text = HEAD.replace('windows-1251', 'UTF-8') + LINE + TAIL;
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const { lines, header } = await bothReaders(bom, 5);
    expect(header.encoding).toBe('utf-8');
    expect(lines).toHaveLength(1);
  });

  it('on a file that ends right after the root and on a book without lines', async () => {
    const { lines } = await bothReaders(cp1251(HEAD.replace('<КнигаПрод СтПродБезНДС22="84000.00" СумНДСВсКПр22="18480.00">', '<КнигаПрод>') + TAIL.trimEnd()));
    expect(lines).toEqual([]);
  });
});

describe('readNdsLines is one pass', () => {
  it('refuses a second iteration instead of silently yielding nothing', async () => {
    const reader = readNdsLines(section(LINE));
    const first: unknown[] = [];
    for await (const line of reader) first.push(line);
    expect(first).toHaveLength(1);
    await expect(async () => {
      for await (const line of reader) first.push(line);
    }).rejects.toMatchObject({ code: 'NDS_READER_REUSED' });
  });
});

describe('readNdsLines from a file path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sledopyt-nds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams a section across chunk boundaries (small chunks) with the header first', async () => {
    const input = salesLines(500);
    const path = join(dir, 'NO_NDS.9.xml');
    writeFileSync(path, await writeNdsSectionBytes(SECTION9_FILE, input));
    const reader = readNdsLines(path, { chunkBytes: 4096, batchSize: 64 });
    expect((await reader.header()).ИдФайл).toMatch(/^NO_NDS\.9_/);
    const numbers: number[] = [];
    for await (const batch of reader.batches()) {
      expect(batch.length).toBeLessThanOrEqual(64);
      numbers.push(...batch.map((line) => line.НомерПор));
    }
    expect(numbers).toEqual(input.map((line) => line.НомерПор));
  });
});

describe('readNdsLines refuses broken and hostile files, naming file, line and element', () => {
  it('a truncated file: every complete line before the cut, then XML_TRUNCATED — never a partial line', async () => {
    const bytes = await writeNdsSectionBytes(SECTION9_FILE, salesLines(30));
    const whole = (await readAll(bytes)).lines;
    for (const cut of [Math.floor(bytes.length * 0.37), Math.floor(bytes.length * 0.81), bytes.length - 20]) {
      const { lines, error } = await readUntilError(chunked(bytes.subarray(0, cut), 333), 'scanner', { fileName: 'cut.xml' });
      const failure = asError(error);
      expect(failure.code).toBe('XML_TRUNCATED');
      expect(failure.details).toMatchObject({ file: 'cut.xml' });
      expect(lines).toEqual(whole.slice(0, lines.length));
      const text = new TextDecoder('windows-1251').decode(bytes.subarray(0, cut));
      expect(lines.length).toBe(text.split('</КнПродСтр>').length - 1);
      expect(failure.details['line']).toBe(text.split('\n').length);
    }
  });

  it('a non-numeric amount: XML_VALUE_INVALID with line, path and attribute', async () => {
    const bad = LINE.replace('НомерПор="1"', 'НомерПор="2"').replace('СумНДССФ22="18480.00"', 'СумНДССФ22="18 480,00"');
    const { lines, error } = await readUntilError(section(LINE + bad), 'scanner', { fileName: 'NO_NDS.9.xml' });
    expect(lines).toHaveLength(1);
    expect(asError(error)).toMatchObject({
      code: 'XML_VALUE_INVALID',
      details: { file: 'NO_NDS.9.xml', line: 6, path: 'Файл/Документ/КнигаПрод/КнПродСтр[2]', attribute: 'СумНДССФ22', value: '18 480,00' },
    });
    expect(asError(error).messageRu).toContain('строка 6');
  });

  it('an invalid RNPT: the core parser’s reason, in the entry’s path', async () => {
    const bad = LINE.replace('10702070/010126/0000001/001', '10702070/310226/0000001/001');
    const failure = asError((await readUntilError(section(bad))).error);
    expect(failure).toMatchObject({ code: 'XML_VALUE_INVALID', details: { path: 'Файл/Документ/КнигаПрод/КнПродСтр[1]/СвРегНом[1]', attribute: 'РегНомПросл', reason: 'RNPT_DATE_INVALID' } });
    const saxes = asError((await readUntilError(section(bad), 'saxes')).error);
    expect(saxes.code).toBe('XML_VALUE_INVALID');
  });

  it("invalidRegistrationNumbers: 'keep' — the invalid entry is kept as written with kind 'invalid', the rest stays strict", async () => {
    const second = LINE.replace('НомерПор="1"', 'НомерПор="2"')
      .replace('10702070/010126/0000001/001', '10702070/310226/0000001/001')
      .replace('<СвПокуп>', '<СвРегНом РегНомПросл="10714040/150126/0000042/003" ОКЕИ="796" КолТовПросл="1" СтоимТовПросл="42000.00"/><СвПокуп>');
    const options = { fileName: 'NO_NDS.9.xml', invalidRegistrationNumbers: 'keep' } as const;
    for (const size of [undefined, 1, 7, 4096]) {
      const bytes = section(LINE + second);
      const source = () => (size === undefined ? bytes : chunked(bytes, size));
      const fast = await readAll(source(), 'scanner', options);
      const reference = await readAll(source(), 'saxes', options);
      expect(fast.lines).toStrictEqual(reference.lines);
      const entries = (fast.lines[1] as SalesBookLine).СвРегНом;
      expect(entries[0]).toStrictEqual({
        РегНомПросл: '10702070/310226/0000001/001',
        ОКЕИ: '796',
        КолТовПросл: 200_000_000_000n,
        СтоимТовПросл: 8_400_000n,
        kind: 'invalid',
        number: '10702070/310226/0000001/001',
      });
      expect(entries[1]).toMatchObject({ kind: 'rnpt', number: '10714040/150126/0000042/003' });
      expect((fast.lines[0] as SalesBookLine).СвРегНом[0]).toMatchObject({ kind: 'rnpt' });
    }
    // The default is still strict, and 'keep' does not relax other values.
    expect(asError((await readUntilError(section(LINE + second))).error).code).toBe('XML_VALUE_INVALID');
    const badAmount = asError((await readUntilError(section(second.replace('СумНДССФ22="18480.00"', 'СумНДССФ22="18 480,00"')), 'scanner', options)).error);
    expect(badAmount.details).toMatchObject({ attribute: 'СумНДССФ22' });
  });

  it('a required attribute that is missing or empty (the line and the entry): XML_REQUIRED_MISSING from both readers', async () => {
    const cases = [
      { bad: LINE.replace(' НомСчФПрод="УТ-1"', ''), attribute: 'НомСчФПрод', path: 'Файл/Документ/КнигаПрод/КнПродСтр[1]' },
      { bad: LINE.replace('НомерПор="1"', 'НомерПор=""'), attribute: 'НомерПор', path: 'Файл/Документ/КнигаПрод/КнПродСтр[1]' },
      { bad: LINE.replace('РегНомПросл="10702070/010126/0000001/001"', "РегНомПросл=''"), attribute: 'РегНомПросл', path: 'Файл/Документ/КнигаПрод/КнПродСтр[1]/СвРегНом[1]' },
      { bad: LINE.replace(' ИННЮЛ="7701234567"', ''), attribute: 'ИННЮЛ', path: 'Файл/Документ/КнигаПрод/КнПродСтр[1]/СвПокуп[1]/СведЮЛ' },
    ];
    for (const { bad, attribute, path } of cases) {
      const failure = asError((await readUntilError(section(LINE.replace('НомерПор="1"', 'НомерПор="0"') + bad))).error);
      expect(failure, attribute).toMatchObject({ code: 'XML_REQUIRED_MISSING', details: { attribute, path: path.replace('[1]', '[2]') } });
      expect(asError((await readUntilError(section(bad), 'saxes')).error).code).toBe('XML_REQUIRED_MISSING');
    }
  });

  it('a malformed element and a mismatched end tag', async () => {
    for (const bad of [LINE.replace('КолТовПросл="2"', 'КолТовПросл=2'), LINE.replace('</КодВидОпер>', '</КодВидОперации>'), LINE.replace('ОКЕИ="796"', 'ОКЕИ="796" ОКЕИ="796"')]) {
      const failure = asError((await readUntilError(section(bad))).error);
      expect(failure.code).toBe('XML_MALFORMED');
      expect(failure.details).toMatchObject({ line: 5 });
      expect(String(failure.details['path'])).toMatch(/^Файл\/Документ\/КнигаПрод\/КнПродСтр\[1\]/);
    }
  });

  it('DOCTYPE and ENTITY declarations (billion laughs, external entities) before anything is read', async () => {
    const laughs = HEAD.replace('?>\n', '?>\n<!DOCTYPE Файл [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n');
    const external = HEAD.replace('?>\n', '?>\n<!DOCTYPE Файл SYSTEM "file:///etc/passwd">\n');
    for (const head of [laughs, external]) {
      const { lines, error } = await readUntilError(section(LINE, head));
      expect(lines).toEqual([]);
      expect(asError(error)).toMatchObject({ code: 'XML_DOCTYPE_FORBIDDEN', details: { line: 2 } });
    }
    const inBody = asError((await readUntilError(section(`<!ENTITY x "y">${LINE}`))).error);
    expect(inBody.code).toBe('XML_DOCTYPE_FORBIDDEN');
    const undefinedEntity = asError((await readUntilError(section(LINE.replace('УТ-1', 'УТ-&lol;')))).error);
    expect(undefinedEntity.code).toBe('XML_MALFORMED');
  });

  it('a 50 MB attribute value: XML_LIMIT_EXCEEDED without holding the value', async () => {
    function* hostile() {
      yield cp1251(`${HEAD}<КнПродСтр НомерПор="1" НомСчФПрод="`);
      const block = new Uint8Array(1024 * 1024).fill(0x41);
      for (let i = 0; i < 50; i++) yield block;
    }
    const before = process.memoryUsage().rss;
    const failure = asError((await readUntilError(hostile(), 'scanner', { fileName: 'big.xml' })).error);
    expect(failure).toMatchObject({ code: 'XML_LIMIT_EXCEEDED', details: { attribute: 'НомСчФПрод', file: 'big.xml' } });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('the wrong root, a file that is not a book section, a missing КодВидОпер', async () => {
    expect(asError((await readUntilError(cp1251('<?xml version="1.0" encoding="windows-1251"?>\n<Документ/>'))).error).code).toBe('XML_WRONG_ROOT');
    const journal = (HEAD.replace('Индекс="0000090"', 'Индекс="0000100"') + LINE + TAIL).replaceAll('КнигаПрод', 'ЖУчВыстСчФ');
    const notSection = asError((await readUntilError(cp1251(journal))).error);
    expect(notSection.code).toBe('XML_FORMAT_UNKNOWN');
    const noCode = asError((await readUntilError(section(LINE.replace('<КодВидОпер>01</КодВидОпер>', '')))).error);
    expect(noCode).toMatchObject({ code: 'XML_REQUIRED_MISSING', details: { path: 'Файл/Документ/КнигаПрод/КнПродСтр[1]' } });
  });

  it('windows-1251 bytes in a file declared UTF-8', async () => {
    const bytes = section(LINE.replace('УТ-1', 'УТ-Ъ'), HEAD.replace('windows-1251', 'UTF-8').replace('1С:Бухгалтерия 3.0', '1C'));
    const failure = asError((await readUntilError(bytes)).error);
    expect(failure.code).toBe('XML_ENCODING_MISMATCH');
  });
});
