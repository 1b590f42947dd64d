/** Bindings both profiles share up to a set name: countries, units, ТН ВЭД codes. */
import type { CountryRecord, DocumentLine, TnvedRecord, UnitRecord } from '../data/business.js';
import { catalogHeader, objectBinding } from './mapping.js';
import type { MappingContext, ObjectBinding } from './mapping.js';

export const countriesBinding = (): ObjectBinding =>
  objectBinding<CountryRecord>(
    'Catalog_СтраныМира',
    (data) => data.countries,
    (c) => ({
      ...catalogHeader(c),
      Code: c.code,
      Description: c.name,
      НаименованиеПолное: c.name,
      КодАльфа2: c.alpha2,
      КодАльфа3: c.alpha3,
      УчастникЕАЭС: c.eaeu,
    }),
  );

export const unitsBinding = (setName: string): ObjectBinding =>
  objectBinding<UnitRecord>(
    setName,
    (data) => data.units,
    (u) => ({ ...catalogHeader(u), Code: u.code, Description: u.shortName, НаименованиеПолное: u.name }),
  );

export const tnvedBinding = (): ObjectBinding =>
  objectBinding<TnvedRecord>(
    'Catalog_КлассификаторТНВЭД',
    (data) => data.tnved,
    (t) => ({
      ...catalogHeader(t),
      Code: t.code,
      Description: t.name,
      НаименованиеПолное: t.name,
      ЕдиницаИзмерения_Key: t.unitRef,
      ПрослеживаемыйТовар: t.traceable,
      СырьевойТовар: false,
    }),
  );

/** The ТН ВЭД ref of a document line's item. */
export const tnvedOf = (line: DocumentLine, context: MappingContext): string => context.item(line.itemRef)?.tnvedRef ?? '';

/** Country of origin of a line's item. */
export const originOf = (line: DocumentLine, context: MappingContext): string => context.item(line.itemRef)?.originRef ?? '';
