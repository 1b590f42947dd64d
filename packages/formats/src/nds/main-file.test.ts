import { describe, expect, it } from 'vitest';
import { catchError, cp1251 } from '../test-support/index.js';
import { readNdsDeclarationTitle } from './main-file.js';

const MAIN = `<?xml version="1.0" encoding="windows-1251"?>
<Файл ИдФайл="NO_NDS_7701_7701_7707083893770701001_20260420_5f34036f-27c9-438b-8ccc-0c5059326d04" ВерсПрог="1С:Бухгалтерия 3.0" ВерсФорм="5.12" ПризнНал8-12="1" ПризнНал8="1" ПризнНал9="1">
  <Документ КНД="1151001" ДатаДок="20.04.2026" Период="21" ОтчетГод="2026" КодНО="7701" НомКорр="0" ПоМесту="214">
    <СвНП><НПЮЛ НаимОрг="ООО &quot;Ромашка&quot;" ИННЮЛ="7707083893" КПП="770701001"/></СвНП>
    <Подписант ПрПодп="1"><ФИО Фамилия="Иванов" Имя="Иван"/></Подписант>
    <НДС>
      <СумУплНП СумПУ_173.5="0" СумПУ_173.1="1848000" ПризнСЗПК="0"/>
      <КнигаПокуп НаимКнПок="NO_NDS.8_7701_7701_7707083893770701001_20260420_1a2b3c4d-27c9-438b-8ccc-0c5059326d04.xml"/>
      <КнигаПрод НаимКнПрод="NO_NDS.9_7701_7701_7707083893770701001_20260420_5e6f7a8b-27c9-438b-8ccc-0c5059326d04.xml"/>
    </НДС>
  </Документ>
</Файл>
`;

describe('readNdsDeclarationTitle', () => {
  it('reads period, year, correction, taxpayer and the section file names', () => {
    const title = readNdsDeclarationTitle(cp1251(MAIN), { file: 'NO_NDS.xml' });
    expect(title).toMatchObject({
      КНД: '1151001',
      ДатаДок: '2026-04-20',
      Период: '21',
      ОтчетГод: 2026,
      НомКорр: 0,
      taxpayer: { kind: 'НПЮЛ', НаимОрг: 'ООО "Ромашка"', ИННЮЛ: '7707083893', КПП: '770701001' },
      flags: { 'ПризнНал8-12': '1', ПризнНал8: '1', ПризнНал9: '1' },
    });
    expect(title.sections.КнигаПрод).toMatch(/^NO_NDS\.9_.*\.xml$/);
    expect(title.sections.КнигаПродДЛ).toBeUndefined();
  });

  it('refuses another form', () => {
    const error = catchError(() => readNdsDeclarationTitle(cp1251(MAIN.replace('КНД="1151001"', 'КНД="1169010"')), { file: 'x.xml' }));
    expect(error).toMatchObject({ code: 'XML_VALUE_INVALID', details: { attribute: 'КНД', file: 'x.xml' } });
  });
});
