/**
 * Code formats shared by the ФНС schemas (ИННЮЛТип, ИННФЛТип, КППТип, ОКЕИТип, ОКСМТип, ОКВТип), as patterns
 * for readers and zod schemas for writers. The patterns are the XSD's own.
 */
import { quantitySchema, type Quantity } from '@sledopyt/core';
import { z } from 'zod';

export const INN_UL_PATTERN = /^([0-9][1-9]|[1-9][0-9])[0-9]{8}$/;
export const INN_FL_PATTERN = /^([0-9][1-9]|[1-9][0-9])[0-9]{10}$/;
export const KPP_PATTERN = /^([0-9][1-9]|[1-9][0-9])([0-9]{2})([0-9A-Z]{2})([0-9]{3})$/;
export const OKEI_PATTERN = /^([0-9]{3}|[0-9]{4})$/;
export const OKSM_PATTERN = /^[0-9]{3}$/;
export const OKV_PATTERN = /^[0-9]{3}$/;
/** ТН ВЭД ЕАЭС code as written in КодВидТов (exactly 10 digits). */
export const TNVED10_PATTERN = /^[0-9]{10}$/;

export const innUlSchema = z.string().regex(INN_UL_PATTERN, 'ИНН организации: 10 цифр');
export const innFlSchema = z.string().regex(INN_FL_PATTERN, 'ИНН физического лица или ИП: 12 цифр');
export const kppSchema = z.string().regex(KPP_PATTERN, 'КПП: 9 знаков');
export const okeiSchema = z.string().regex(OKEI_PATTERN, 'код ОКЕИ: 3 или 4 цифры');
export const oksmSchema = z.string().regex(OKSM_PATTERN, 'код страны ОКСМ: 3 цифры');
export const okvSchema = z.string().regex(OKV_PATTERN, 'код валюты ОКВ: 3 цифры');

/** A non-empty string of at most `max` characters (ФНС strings are T(1-max)). */
export const text = (max: number) => z.string().min(1).max(max);

/** A string that must be exactly `length` characters. */
export const fixedText = (length: number) => z.string().length(length);

/** Kopecks, as bigint (amounts are never floating point). */
export const kopecksSchema = z.bigint();
export const nonNegativeKopecksSchema = z.bigint().nonnegative();

/**
 * A quantity in any form a caller has: the core's Quantity (bigint of 10⁻¹¹ units, as readers produce it),
 * or a decimal string / number (as JSON carries it). Output: Quantity.
 */
export const quantityValueSchema = z.union([z.bigint().transform((value) => value as Quantity), quantitySchema]);
export const positiveQuantitySchema = quantityValueSchema.refine((value) => value > 0n, 'количество должно быть больше нуля');
export const nonNegativeQuantityValueSchema = quantityValueSchema.refine((value) => value >= 0n, 'количество не может быть отрицательным');
