import { isSledopytError } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { detectProfile } from './composition.js';
import { parseMetadata } from './metadata.js';
import { resolvePlan } from './plan.js';
import { ONEC_PASSWORD, ONEC_USER, emulator } from './test-support/harness.js';

async function metadataOf(options: Parameters<typeof emulator>[0]): Promise<string> {
  const onec = await emulator(options);
  const response = await fetch(`${onec.url}$metadata`, { headers: { Authorization: `Basic ${Buffer.from(`${ONEC_USER}:${ONEC_PASSWORD}`, 'utf8').toString('base64')}` } });
  return response.text();
}

describe('$metadata', () => {
  it('lists БП entity sets with their properties, keys and tabular sections, and tells БП from УТ', async () => {
    const bp = parseMetadata(await metadataOf({ profile: 'bp30' }));
    expect(detectProfile(bp)).toBe('bp30');
    const purchases = bp.sets.get('Document_ПоступлениеТоваровУслуг');
    expect(purchases?.keys).toEqual(['Ref_Key']);
    expect(purchases?.properties.get('Date')).toBe('Edm.DateTime');
    expect(purchases?.properties.get('Контрагент_Key')).toBe('Edm.Guid');
    expect([...(purchases?.sections.keys() ?? [])]).toEqual(expect.arrayContaining(['Товары', 'СведенияПрослеживаемости']));
    expect(bp.sectionProperties('Document_ПоступлениеТоваровУслуг', 'СведенияПрослеживаемости').has('КоличествоПрослеживаемости')).toBe(true);
    expect(bp.sets.get('Document_ПоступлениеТоваровУслуг_Товары')?.keys).toEqual(['Ref_Key', 'LineNumber']);
    expect(bp.hasProperty('Catalog_НомераГТД', 'ЭтоРНПТ')).toBe(true);

    const ut = parseMetadata(await metadataOf({ profile: 'ut115' }));
    expect(detectProfile(ut)).toBe('ut115');
    expect(ut.hasProperty('Catalog_НомераГТД', 'ТипНомераГТД')).toBe(true);
    expect(ut.sectionProperties('Document_РеализацияТоваровУслуг', 'ВидыЗапасов').has('КоличествоПоРНПТ')).toBe(true);
  });

  it('plans from what the base publishes: a left-out object is not usable, optional fields leave $select', async () => {
    const metadata = parseMetadata(await metadataOf({ profile: 'ut115', omitEntitySets: ['Document_РеализацияТоваровУслуг', 'Document_УведомлениеОВвозеПрослеживаемыхТоваров'] }));
    const plan = resolvePlan(metadata, 'ut115');
    expect(plan.object('sales')).toMatchObject({ present: false, usable: false });
    expect(plan.object('import-notices')?.usable).toBe(false);
    const purchases = plan.object('purchases');
    expect(purchases?.usable).toBe(true);
    expect(purchases?.fields).toContain('ЦенаВключаетНДС');
    // Wanted for БП-shaped bases only: not in УТ's metadata, so not asked for.
    expect(plan.object('counterparties')?.fields).not.toContain('ИндивидуальныйПредприниматель');
    expect(plan.object('counterparties')?.fields).toContain('ЮрФизЛицо');
  });

  it('refuses what is not CSDL', () => {
    for (const text of ['<html><body>Вход</body></html>', '<Edmx><EntityType Name="x">', 'not xml']) {
      let error: unknown;
      try {
        parseMetadata(text);
      } catch (caught) {
        error = caught;
      }
      expect(isSledopytError(error) && error.code === 'ONEC_METADATA_INVALID', text).toBe(true);
    }
  });
});
