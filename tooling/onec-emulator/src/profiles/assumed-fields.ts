/**
 * Entity sets the connector needs whose fields are NOT in the derived tables of `shared/onec-samples`
 * (the tables only name them as reference targets). Their shape is assumed [I]: the standard catalog
 * fields (NOTES.md §1.3) plus the attributes a unit or country catalog is known to carry. Same
 * tab-separated layout as the derived tables.
 */

/** БП 3.0 `Catalog_КлассификаторЕдиницИзмерения` (target of `ЕдиницаИзмерения_Key`). [I] */
export const BP30_UNIT_FIELDS = `
Catalog_КлассификаторЕдиницИзмерения	Ref_Key	Edm.Guid (key)
Catalog_КлассификаторЕдиницИзмерения	DataVersion	Edm.String
Catalog_КлассификаторЕдиницИзмерения	DeletionMark	Edm.Boolean
Catalog_КлассификаторЕдиницИзмерения	Predefined	Edm.Boolean
Catalog_КлассификаторЕдиницИзмерения	PredefinedDataName	Edm.String
Catalog_КлассификаторЕдиницИзмерения	Code	Edm.String
Catalog_КлассификаторЕдиницИзмерения	Description	Edm.String
Catalog_КлассификаторЕдиницИзмерения	НаименованиеПолное	Edm.String
`;

/** УТ 11.5 `Catalog_УпаковкиЕдиницыИзмерения` (target of `ЕдиницаИзмерения_Key`, `ЕдиницаИзмеренияТНВЭД_Key`). [I] */
export const UT115_UNIT_FIELDS = `
Catalog_УпаковкиЕдиницыИзмерения	Ref_Key	Edm.Guid (key)
Catalog_УпаковкиЕдиницыИзмерения	DataVersion	Edm.String
Catalog_УпаковкиЕдиницыИзмерения	DeletionMark	Edm.Boolean
Catalog_УпаковкиЕдиницыИзмерения	Predefined	Edm.Boolean
Catalog_УпаковкиЕдиницыИзмерения	PredefinedDataName	Edm.String
Catalog_УпаковкиЕдиницыИзмерения	Code	Edm.String
Catalog_УпаковкиЕдиницыИзмерения	Description	Edm.String
Catalog_УпаковкиЕдиницыИзмерения	НаименованиеПолное	Edm.String
`;

/** УТ 11.5 `Catalog_СтраныМира`: the БСП catalog, assumed to have БП's fields (the УТ table does not list it). [I] */
export const UT115_COUNTRY_FIELDS = `
Catalog_СтраныМира	Ref_Key	Edm.Guid (key)
Catalog_СтраныМира	DataVersion	Edm.String
Catalog_СтраныМира	DeletionMark	Edm.Boolean
Catalog_СтраныМира	Predefined	Edm.Boolean
Catalog_СтраныМира	PredefinedDataName	Edm.String
Catalog_СтраныМира	Code	Edm.String
Catalog_СтраныМира	Description	Edm.String
Catalog_СтраныМира	НаименованиеПолное	Edm.String
Catalog_СтраныМира	КодАльфа2	Edm.String
Catalog_СтраныМира	КодАльфа3	Edm.String
Catalog_СтраныМира	УчастникЕАЭС	Edm.Boolean
Catalog_СтраныМира	МеждународноеНаименование	Edm.String
`;
