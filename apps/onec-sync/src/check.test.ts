import { describe, expect, it } from 'vitest';
import { checkOneC } from './check.js';
import { ONEC_PASSWORD, ONEC_USER, PASSWORD_ENV, configFor, emulator } from './test-support/harness.js';

const secrets = { secrets: { env: { [PASSWORD_ENV]: ONEC_PASSWORD } } };

describe('--check: connection and OData composition', () => {
  it('finds everything required on a complete base, and lists the optional objects it lacks', async () => {
    const onec = await emulator({ profile: 'ut115' });
    const report = await checkOneC(configFor(onec), secrets);
    expect(report).toMatchObject({ ok: true, profile: 'ut115', missingRequired: [], user: ONEC_USER, taxpayer: { known: true } });
    expect(report.missingOptional).toEqual(['Catalog_Организации', 'Document_ВозвратТоваровОтКлиента', 'Document_ВозвратТоваровПоставщику']);
    expect(report.objects.find((o) => o.set === 'AccumulationRegister_ТоварыОрганизаций')?.status).toBe('ok');
    // Nothing but $metadata and one $top=1 probe per published object was read.
    expect(onec.stats.requests.every((r) => r.path === '$metadata' || r.query['$top'] === '1')).toBe(true);
  });

  it('names a left-out object and tells the admin how to add it; a denied one is reported as such', async () => {
    const onec = await emulator({
      profile: 'bp30',
      omitEntitySets: ['Document_ПоступлениеТоваровУслуг', 'Document_УведомлениеОВвозеПрослеживаемыхТоваров'],
      users: [{ name: ONEC_USER, password: ONEC_PASSWORD, deniedEntitySets: ['Catalog_Контрагенты'] }],
    });
    const report = await checkOneC(configFor(onec, { taxpayerInn: undefined }), secrets);
    expect(report.ok).toBe(false);
    expect(report.missingRequired).toEqual(['Catalog_Контрагенты', 'Document_ПоступлениеТоваровУслуг']);
    const purchases = report.objects.find((o) => o.set === 'Document_ПоступлениеТоваровУслуг');
    expect(purchases).toMatchObject({ status: 'not-published', required: true });
    expect(purchases?.messageRu).toContain('Настройка стандартного интерфейса OData');
    expect(report.objects.find((o) => o.set === 'Document_УведомлениеОВвозеПрослеживаемыхТоваров')?.messageRu).toContain('уведомления о ввозе из ЕАЭС');
    expect(report.objects.find((o) => o.set === 'Catalog_Контрагенты')).toMatchObject({ status: 'forbidden', error: { code: 'ONEC_ACCESS_DENIED' } });
    expect(report.taxpayer).toMatchObject({ known: false });
    expect(report.taxpayer.messageRu).toContain('--inn');
  });
});
