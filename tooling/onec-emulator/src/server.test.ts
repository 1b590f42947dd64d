import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOneCEmulator } from './server.js';
import type { OneCEmulator } from './server.js';
import { get, getJson, odataUrl } from './test-support/client.js';

const PURCHASES = 'Document_ПоступлениеТоваровУслуг';
const SALES = 'Document_РеализацияТоваровУслуг';

/** Entity set names listed in a `$metadata` document. */
function entitySetsOf(xml: string): string[] {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
    'edmx:Edmx': { 'edmx:DataServices': { Schema: { Namespace: string; EntityContainer?: { EntitySet: { Name: string }[] }; EntityType?: { Name: string }[] }[] } };
  };
  const schemas = parsed['edmx:Edmx']['edmx:DataServices'].Schema;
  const container = schemas.find((s) => s.EntityContainer !== undefined)?.EntityContainer;
  return (container?.EntitySet ?? []).map((s) => s.Name);
}

describe.each([
  ['bp30', ['Catalog_НомераГТД', PURCHASES, `${PURCHASES}_СведенияПрослеживаемости`, 'Document_УведомлениеОВвозеПрослеживаемыхТоваров', 'AccumulationRegister_ПрослеживаемыеТовары', 'Catalog_КлассификаторЕдиницИзмерения']],
  ['ut115', ['Catalog_НомераГТД', 'Document_ПриобретениеТоваровУслуг_ВидыЗапасов', `${SALES}_ВидыЗапасов`, 'AccumulationRegister_ТоварыОрганизаций', 'Catalog_УпаковкиЕдиницыИзмерения', 'Catalog_СтавкиНДС']],
] as const)('$metadata of the %s profile', (profile, expected) => {
  let emulator: OneCEmulator;
  beforeAll(async () => {
    emulator = await startOneCEmulator({ profile, documents: 40 });
  });
  afterAll(() => emulator.close());

  it('parses as EDMX with the StandardODATA schema and lists the entity sets of the profile', async () => {
    const response = await get(`${emulator.url}$metadata`);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    expect(xml).toContain('Namespace="StandardODATA"');
    expect(xml).toContain('m:DataServiceVersion="3.0"');
    const sets = entitySetsOf(xml);
    expect(sets).toEqual(expect.arrayContaining([...expected, 'Catalog_Контрагенты', 'Catalog_Номенклатура', 'Catalog_КлассификаторТНВЭД']));
    expect(sets).toEqual(emulator.schema.entitySets());
    // Associations as 1C emits them: <Type>_<Nav>, ends Begin/End.
    expect(xml).toContain(`<Association Name="${profile === 'bp30' ? PURCHASES : 'Document_ПриобретениеТоваровУслуг'}_Контрагент"><End Role="Begin"`);
  });

  it('answers the service document with the same sets', async () => {
    const json = (await (await get(`${emulator.url}?$format=json`)).json()) as { value: { name: string; url: string }[] };
    expect(json.value.map((v) => v.name)).toEqual(emulator.schema.entitySets());
    const atom = await get(emulator.url);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atomsvc\+xml/);
  });
});

describe('queries against the БП profile', () => {
  let emulator: OneCEmulator;
  beforeAll(async () => {
    emulator = await startOneCEmulator({ profile: 'bp30', documents: 400, seed: 42 });
  });
  afterAll(() => emulator.close());

  it('returns everything without $top: no server paging and no nextLink', async () => {
    const all = await getJson(emulator.url, SALES, { $select: 'Ref_Key' });
    expect(all.value).toHaveLength(emulator.base.documentsIn(SALES).length);
    expect(all.value.length).toBeGreaterThan(200);
    expect(Object.keys(all)).toEqual(['odata.metadata', 'value']);
    expect(all['odata.metadata']).toBe(`${emulator.url}$metadata#${SALES}`);
  });

  it('pages with $top/$skip/$orderby and returns every row exactly once', async () => {
    const seen: string[] = [];
    for (let skip = 0; ; skip += 37) {
      const page = await getJson<{ Ref_Key: string; Date: string }>(emulator.url, SALES, { $select: 'Ref_Key,Date', $orderby: 'Date desc,Ref_Key', $top: 37, $skip: skip });
      seen.push(...page.value.map((v) => v.Ref_Key));
      if (page.value.length < 37) break;
    }
    const expected = emulator.base.documentsIn(SALES).map((d) => d.ref);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());
    const queries = emulator.stats.queriesFor(SALES).filter((q) => q.includes('%24top') || q.includes('$top'));
    expect(queries[1]).toContain('$skip=37');
  });

  it('filters with guid and datetime literals', async () => {
    const purchase = emulator.base.documentsIn(PURCHASES).find((d) => d.posted);
    if (purchase === undefined) throw new Error('no purchase');
    const byRef = await getJson(emulator.url, PURCHASES, { $filter: `Ref_Key eq guid'${purchase.ref}'`, $select: 'Number,Date' });
    expect(byRef.value).toEqual([{ Number: purchase.number, Date: purchase.date }]);
    const q1 = emulator.base.documentsIn(SALES).filter((d) => d.date >= '2026-01-01T00:00:00' && d.date < '2026-02-01T00:00:00');
    const january = await getJson(emulator.url, SALES, { $filter: "Date ge datetime'2026-01-01T00:00:00' and Date lt datetime'2026-02-01T00:00:00'", $select: 'Ref_Key' });
    expect(january.value.map((v) => v['Ref_Key']).sort()).toEqual(q1.map((d) => d.ref).sort());
    const bad = await get(odataUrl(emulator.url, SALES, { $format: 'json', $filter: "Date ge datetime'2026-01-01T00:00:00Z'" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ 'odata.error': { code: '14', message: { lang: 'ru' } } });
  });

  it('finds RNPTs the БП way and rows of one document by composite key', async () => {
    const rnpts = await getJson<{ Code: string }>(emulator.url, 'Catalog_НомераГТД', { $filter: 'ЭтоРНПТ eq true and IsFolder eq false', $select: 'Ref_Key,Code,DataVersion,DeletionMark' });
    expect(rnpts.value.length).toBe(emulator.base.data.batchNumbers.filter((n) => n.kind === 'rnpt').length);
    expect(rnpts.value.every((r) => /^\d{8}\/\d{6}\/\d{7}\/\d{3}$/.test(r.Code))).toBe(true);
    const sale = emulator.base.documentsIn(SALES).find((d) => d.lines.length > 1);
    if (sale === undefined) throw new Error('no sale');
    const row = await get(odataUrl(emulator.url, `${SALES}_Товары(Ref_Key=guid'${sale.ref}', LineNumber=2)`, { $format: 'json' }));
    const json = (await row.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ Ref_Key: sale.ref, LineNumber: '2', Номенклатура_Key: sale.lines[1]?.itemRef });
    expect(json['odata.metadata']).toBe(`${emulator.url}$metadata#${SALES}_Товары/@Element`);
    const missing = await get(odataUrl(emulator.url, `${SALES}_Товары(Ref_Key=guid'${sale.ref}', LineNumber=99)`, { $format: 'json' }));
    expect([missing.status, ((await missing.json()) as { 'odata.error': { code: string } })['odata.error'].code]).toEqual([404, '9']);
    const noKeyPart = await get(odataUrl(emulator.url, `${SALES}_Товары(Ref_Key=guid'${sale.ref}')`, { $format: 'json' }));
    expect(noKeyPart.status).toBe(400);
  });

  it('gets an entity by key with navigation links, and follows a navigation property', async () => {
    const item = emulator.base.data.items[0];
    if (item === undefined) throw new Error('no items');
    const response = await get(odataUrl(emulator.url, `Catalog_Номенклатура(guid'${item.ref}')`, { $format: 'json' }));
    const json = (await response.json()) as Record<string, unknown>;
    expect(json['КодТНВЭД_Key']).toBe(item.tnvedRef);
    expect(json['КодТНВЭД@navigationLinkUrl']).toBe(`Catalog_Номенклатура(guid'${item.ref}')/КодТНВЭД`);
    const keys = Object.keys(json);
    expect(keys.indexOf('PredefinedDataName')).toBeGreaterThan(keys.indexOf('ПрослеживаемыйТовар'));
    const tnved = (await (await get(odataUrl(emulator.url, `Catalog_Номенклатура(guid'${item.ref}')/КодТНВЭД`, { $format: 'json' }))).json()) as Record<string, unknown>;
    expect(tnved['Code']).toBe('8528521000');
  });

  it('expands a reference and filters through navigation', async () => {
    const page = await getJson<Record<string, unknown>>(emulator.url, PURCHASES, { $select: 'Ref_Key,Контрагент_Key', $expand: 'Контрагент', $top: 3, $orderby: 'Date' });
    for (const doc of page.value) expect((doc['Контрагент'] as { Ref_Key: string }).Ref_Key).toBe(doc['Контрагент_Key']);
    const supplier = emulator.base.data.counterparties.find((c) => c.role === 'domestic-supplier');
    const viaNav = await getJson(emulator.url, PURCHASES, { $filter: `Контрагент/ИНН eq '${supplier?.inn ?? ''}'`, $select: 'Ref_Key' });
    expect(viaNav.value.length).toBe(emulator.base.documentsIn(PURCHASES).filter((d) => d.counterpartyRef === supplier?.ref).length);
    const single = await get(odataUrl(emulator.url, `${PURCHASES}(guid'${emulator.base.documentsIn(PURCHASES)[0]?.ref ?? ''}')`, { $format: 'json', $expand: 'Контрагент' }));
    expect(single.status).toBe(400);
  });

  it('drops tabular sections with $select=** and keeps them by default', async () => {
    const [withRows] = (await getJson<Record<string, unknown>>(emulator.url, PURCHASES, { $top: 1 })).value;
    const [withoutRows] = (await getJson<Record<string, unknown>>(emulator.url, PURCHASES, { $top: 1, $select: '**' })).value;
    expect(Array.isArray(withRows?.['СведенияПрослеживаемости'])).toBe(true);
    expect(withoutRows).not.toHaveProperty('Товары');
    expect(withoutRows?.['DataVersion']).toBe(withRows?.['DataVersion']);
    const [partial] = (await getJson<Record<string, unknown>>(emulator.url, PURCHASES, { $top: 1, $select: 'Ref_Key,Товары/Номенклатура_Key' })).value;
    expect(Object.keys((partial?.['Товары'] as object[])[0] ?? {})).toEqual(['Номенклатура_Key']);
  });

  it('$inlinecount=allpages gives odata.count as a string and ignores $top and $skip', async () => {
    const total = emulator.base.documentsIn(SALES).filter((d) => d.posted).length;
    const page = await getJson(emulator.url, SALES, { $filter: 'Posted eq true', $inlinecount: 'allpages', $top: 5, $skip: 10, $select: 'Ref_Key' });
    expect(page['odata.count']).toBe(String(total));
    expect(page.value).toHaveLength(total);
    const count = await get(odataUrl(emulator.url, `${SALES}/$count`, { $filter: 'Posted eq true' }));
    expect(await count.text()).toBe(String(total));
    const v4 = await get(odataUrl(emulator.url, SALES, { $format: 'json', $count: 'true' }));
    expect(v4.status).toBe(400);
  });

  it('accepts percent-encoded Cyrillic paths, %20 and + for spaces, and records which came', async () => {
    emulator.stats.reset();
    const path = encodeURIComponent('Catalog_Контрагенты');
    const percent = await get(`${emulator.url}${path}?$format=json&$filter=IsFolder%20eq%20false&$select=Ref_Key`);
    const plus = await get(`${emulator.url}${path}?$format=json&$filter=IsFolder+eq+false&$select=Ref_Key`);
    expect([percent.status, plus.status]).toEqual([200, 200]);
    expect(((await percent.json()) as { value: unknown[] }).value).toEqual(((await plus.json()) as { value: unknown[] }).value);
    expect(emulator.stats.requests.map((r) => [r.entitySet, r.spaceEncoding])).toEqual([
      ['Catalog_Контрагенты', 'percent'],
      ['Catalog_Контрагенты', 'plus'],
    ]);
    expect(emulator.stats.requests[0]?.rawPath).toContain('%D0%9A%D0%BE%D0%BD');
    expect(emulator.stats.perPath().get('Catalog_Контрагенты')).toBe(2);
  });

  it('answers Atom when no $format is given', async () => {
    const response = await get(odataUrl(emulator.url, 'Catalog_СтраныМира', { $top: 2 }));
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml;type=feed/);
    const xml = await response.text();
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain('<d:Ref_Key m:type="Edm.Guid">');
    const json = await get(odataUrl(emulator.url, 'Catalog_СтраныМира', { $top: 1 }), { accept: 'application/json' });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const bare = (await (await get(odataUrl(emulator.url, 'Catalog_Номенклатура', { $top: 1, $format: 'application/json;odata=nometadata' }))).json()) as { value: Record<string, unknown>[] };
    expect(bare).not.toHaveProperty(['odata.metadata']);
    expect(Object.keys(bare.value[0] ?? {}).some((k) => k.endsWith('@navigationLinkUrl'))).toBe(false);
  });

  it('computes the traceable-goods balance per RNPT with a Condition', async () => {
    const records = emulator.base.source('AccumulationRegister_ПрослеживаемыеТовары_RecordType')?.rows() ?? [];
    const rnpt = records.find((r) => r['RecordType'] === 'Expense')?.['РНПТ_Key'] as string;
    const expected = records.filter((r) => r['РНПТ_Key'] === rnpt).reduce((sum, r) => sum + (r['RecordType'] === 'Expense' ? -1 : 1) * (r['Количество'] as number), 0);
    const path = `AccumulationRegister_ПрослеживаемыеТовары/Balance(Condition='РНПТ_Key eq guid'${rnpt}'')`;
    const balance = await getJson<Record<string, unknown>>(emulator.url, path);
    expect(balance['odata.metadata']).toMatch(/#AccumulationRegister_ПрослеживаемыеТовары_Balance$/);
    expect(balance.value.reduce((sum, r) => sum + (r['КоличествоBalance'] as number), 0)).toBe(expected);
    const early = await getJson<Record<string, unknown>>(emulator.url, "AccumulationRegister_ПрослеживаемыеТовары/Balance(Period=datetime'2025-10-01T00:00:00')");
    const opening = emulator.base.documentsIn('Document_УведомлениеОбОстаткахПрослеживаемыхТоваров').length;
    expect(early.value).toHaveLength(opening);
    const underscore = await get(odataUrl(emulator.url, 'AccumulationRegister_ПрослеживаемыеТовары_Balance', { $format: 'json' }));
    expect(underscore.status).toBe(404);
  });

  it('reports unknown properties with code 10 and non-GET methods with code 19', async () => {
    const unknown = await get(odataUrl(emulator.url, SALES, { $format: 'json', $select: 'Ref_Key,НетТакого' }));
    expect([unknown.status, ((await unknown.json()) as { 'odata.error': { code: string } })['odata.error'].code]).toEqual([400, '10']);
    const post = await fetch(odataUrl(emulator.url, SALES, { $format: 'json' }), { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(post.status).toBe(405);
    const xmlError = await get(odataUrl(emulator.url, 'Catalog_НетТакого'));
    expect(await xmlError.text()).toContain('<m:code>8</m:code>');
    const badEncoding = await get(`${emulator.url}Catalog_%D0%9A%D0`);
    expect([badEncoding.status, await badEncoding.text()]).toEqual([400, expect.stringContaining('<m:code>6</m:code>')]);
  });

  it('shows a mutation over HTTP: new DataVersion, unposted, gone from the register', async () => {
    const sale = emulator.base.documentsIn(SALES).find((d) => d.posted && d.lines.some((l) => l.traceable));
    if (sale === undefined) throw new Error('no sale');
    const read = async (): Promise<Record<string, unknown>> =>
      (await (await get(odataUrl(emulator.url, `${SALES}(guid'${sale.ref}')`, { $format: 'json', $select: 'DataVersion,Posted,DeletionMark' }))).json()) as Record<string, unknown>;
    const before = await read();
    const recordSetUrl = odataUrl(emulator.url, `AccumulationRegister_ПрослеживаемыеТовары(Recorder=guid'${sale.ref}', Recorder_Type='StandardODATA.${SALES}')`, { $format: 'json' });
    const posted = (await (await get(recordSetUrl)).json()) as { Recorder: string; RecordSet: { RecordType: string; LineNumber: string }[] };
    expect(posted.Recorder).toBe(sale.ref);
    expect(posted.RecordSet.length).toBeGreaterThan(0);
    expect(posted.RecordSet.every((r) => r.RecordType === 'Expense')).toBe(true);
    expect(posted.RecordSet[0]?.LineNumber).toBe('1');
    emulator.base.unpost(sale.ref);
    const after = await read();
    expect(after['DataVersion']).not.toBe(before['DataVersion']);
    expect(after['Posted']).toBe(false);
    expect((await get(recordSetUrl)).status).toBe(404);
  });
});

describe('OData composition without some objects', () => {
  let emulator: OneCEmulator;
  beforeAll(async () => {
    emulator = await startOneCEmulator({ profile: 'ut115', documents: 30, omitEntitySets: ['Document_РеализацияТоваровУслуг', 'Catalog_КлассификаторТНВЭД'] });
  });
  afterAll(() => emulator.close());

  it('leaves them out of $metadata with their tabular sections and navigation properties', async () => {
    const xml = await (await get(`${emulator.url}$metadata`)).text();
    const sets = entitySetsOf(xml);
    expect(sets).not.toContain(SALES);
    expect(sets).not.toContain(`${SALES}_ВидыЗапасов`);
    expect(sets).toContain('Document_ПриобретениеТоваровУслуг');
    // The reference stays as a key, the navigation property to the missing catalog does not.
    expect(xml).toContain('<Property Name="КодТНВЭД_Key" Type="Edm.Guid" Nullable="true"/>');
    expect(xml).not.toContain('Name="Catalog_Номенклатура_КодТНВЭД"');
  });

  it('answers a request to a left-out set with 404 and code 8', async () => {
    for (const path of [SALES, `${SALES}_ВидыЗапасов`, `${SALES}/$count`]) {
      const response = await get(odataUrl(emulator.url, path, { $format: 'json' }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ 'odata.error': { code: '8', message: { lang: 'ru', value: `Не найден тип сущности: ${path.replace('/$count', '')}` } } });
    }
  });

  it('refuses to leave out something that is not an object of the profile', async () => {
    await expect(startOneCEmulator({ profile: 'ut115', omitEntitySets: ['Document_ПоступлениеТоваровУслуг'] })).rejects.toMatchObject({ code: 'ONEC_EMULATOR_COMPOSITION' });
  });

  it('filters RNPTs the УТ way', async () => {
    const rnpts = await getJson<{ ТипНомераГТД: string; Code: string }>(emulator.url, 'Catalog_НомераГТД', { $filter: "ТипНомераГТД eq 'НомерРНПТ'", $select: 'Code,ТипНомераГТД' });
    expect(rnpts.value.length).toBe(emulator.base.data.batchNumbers.filter((n) => n.kind === 'rnpt').length);
    expect(rnpts.value.every((r) => r.ТипНомераГТД === 'НомерРНПТ')).toBe(true);
  });
});

describe('Basic authentication with a Cyrillic user', () => {
  let emulator: OneCEmulator;
  beforeAll(async () => {
    emulator = await startOneCEmulator({
      documents: 10,
      publication: 'бухгалтерия',
      users: [
        { name: 'Администратор', password: 'Пароль-1С' },
        { name: 'Кладовщик', password: 'склад', deniedEntitySets: ['Document_ПоступлениеТоваровУслуг'] },
        { name: 'Бухгалтер', password: 'бух', noODataAccess: true },
      ],
    });
  });
  afterAll(() => emulator.close());

  it('lets in a user whose name and password are sent as UTF-8', async () => {
    expect(emulator.url).toContain('/%D0%B1%D1%83%D1%85%D0%B3%D0%B0%D0%BB%D1%82%D0%B5%D1%80%D0%B8%D1%8F/odata/standard.odata/');
    const response = await get(odataUrl(emulator.url, 'Catalog_Контрагенты', { $format: 'json', $top: 1 }), { user: 'Администратор', password: 'Пароль-1С' });
    expect(response.status).toBe(200);
    expect(emulator.stats.requests.at(-1)?.user).toBe('Администратор');
  });

  it('answers 401 with a Basic challenge for missing, wrong or Latin-1 credentials', async () => {
    const url = odataUrl(emulator.url, 'Catalog_Контрагенты', { $format: 'json' });
    const none = await get(url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect((await get(url, { user: 'Администратор', password: 'пароль-1с' })).status).toBe(401);
    const latin1 = `Basic ${Buffer.from('Администратор:Пароль-1С', 'latin1').toString('base64')}`;
    expect((await fetch(url, { headers: { Authorization: latin1 } })).status).toBe(401);
  });

  it('answers 403 with code 20 for a set the user may not read, and for a user without OData access', async () => {
    const denied = await get(odataUrl(emulator.url, PURCHASES, { $format: 'json' }), { user: 'Кладовщик', password: 'склад' });
    expect([denied.status, ((await denied.json()) as { 'odata.error': { code: string } })['odata.error'].code]).toEqual([403, '20']);
    expect((await get(odataUrl(emulator.url, 'Catalog_Номенклатура', { $format: 'json' }), { user: 'Кладовщик', password: 'склад' })).status).toBe(200);
    expect((await get(`${emulator.url}$metadata`, { user: 'Бухгалтер', password: 'бух' })).status).toBe(403);
  });

  it('gives a plain 404 page outside the publication', async () => {
    const response = await get(emulator.url.replace('/odata/standard.odata/', '/hs/'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
