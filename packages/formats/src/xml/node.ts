/**
 * Typed, path-aware access to a parsed element: every "required attribute missing" or "not a number" error
 * names the file, the line and the element/attribute path, so the reader code stays a plain list of fields.
 */
import { parseQuantity, type CalendarDate, type Quantity } from '@sledopyt/core';
import { excerpt, formatError, type FormatErrorCode } from './format-error.js';
import { elementPath, type XmlElement } from './tree.js';
import { parseDecimal, parseInteger, parseKopecks, parseWholeRoubles, parseXmlDate, type DecimalString } from './values.js';

export class XmlNode {
  constructor(
    readonly element: XmlElement,
    readonly file: string | undefined,
  ) {}

  get name(): string {
    return this.element.name;
  }

  get path(): string {
    return elementPath(this.element);
  }

  /** Builds a FormatError located at this element (and attribute, if given). */
  error(code: FormatErrorCode, message: string, messageRu: string, attribute?: string, extra?: Record<string, unknown>) {
    return formatError({
      code,
      file: this.file,
      line: this.element.line,
      column: this.element.column,
      path: this.path,
      attribute,
      message,
      messageRu,
      ...(extra === undefined ? {} : { extra }),
    });
  }

  has(attribute: string): boolean {
    return this.element.attributes[attribute] !== undefined;
  }

  /** A mandatory attribute; empty counts as missing (ФНС strings have minLength ≥ 1). */
  attr(attribute: string): string {
    const value = this.element.attributes[attribute];
    if (value === undefined || value === '') {
      throw this.error(
        'XML_REQUIRED_MISSING',
        `Required attribute ${attribute} is missing`,
        `нет обязательного атрибута ${attribute}. Документ составлен с ошибкой; запросите исправленный у отправителя`,
        attribute,
      );
    }
    return value;
  }

  optAttr(attribute: string): string | undefined {
    const value = this.element.attributes[attribute];
    return value === undefined || value === '' ? undefined : value;
  }

  invalid(attribute: string | undefined, value: string, expected: string, expectedRu: string, extra?: Record<string, unknown>) {
    return this.error(
      'XML_VALUE_INVALID',
      `Invalid value "${excerpt(value)}": expected ${expected}`,
      `недопустимое значение «${excerpt(value)}»: ожидается ${expectedRu}`,
      attribute,
      { value: excerpt(value), ...extra },
    );
  }

  /** A mandatory amount in roubles with kopecks (N(19.2)) → kopecks. */
  kopecks(attribute: string): bigint {
    return this.kopecksOf(attribute, this.attr(attribute));
  }

  optKopecks(attribute: string): bigint | undefined {
    const value = this.optAttr(attribute);
    return value === undefined ? undefined : this.kopecksOf(attribute, value);
  }

  private kopecksOf(attribute: string | undefined, value: string): bigint {
    const kopecks = parseKopecks(value);
    if (kopecks === undefined) throw this.invalid(attribute, value, 'an amount such as 1234.56', 'сумма вида 1234.56 (точка, не более двух знаков после неё)');
    return kopecks;
  }

  /** A mandatory whole-rouble amount (N(19) / N(17)) → kopecks. */
  wholeRoubles(attribute: string): bigint {
    const value = this.attr(attribute);
    const kopecks = parseWholeRoubles(value);
    if (kopecks === undefined) throw this.invalid(attribute, value, 'a whole number of roubles', 'целое число рублей');
    return kopecks;
  }

  /** A mandatory decimal quantity → canonical decimal string. */
  decimal(attribute: string, totalDigits = 26, fractionDigits = 11): DecimalString {
    return this.decimalOf(attribute, this.attr(attribute), totalDigits, fractionDigits);
  }

  optDecimal(attribute: string, totalDigits = 26, fractionDigits = 11): DecimalString | undefined {
    const value = this.optAttr(attribute);
    return value === undefined ? undefined : this.decimalOf(attribute, value, totalDigits, fractionDigits);
  }

  private decimalOf(attribute: string, value: string, totalDigits: number, fractionDigits: number): DecimalString {
    const parsed = parseDecimal(value, totalDigits, fractionDigits);
    if (parsed === undefined) {
      throw this.invalid(attribute, value, `a decimal number N(${totalDigits}.${fractionDigits})`,
        `число (до ${totalDigits - fractionDigits} знаков до точки и до ${fractionDigits} после)`);
    }
    return parsed;
  }

  /** A mandatory quantity N(26.11) → the core's Quantity (exact, 10⁻¹¹ units). */
  quantity(attribute: string): Quantity {
    return this.quantityOf(attribute, this.decimal(attribute));
  }

  optQuantity(attribute: string): Quantity | undefined {
    const value = this.optDecimal(attribute);
    return value === undefined ? undefined : this.quantityOf(attribute, value);
  }

  private quantityOf(attribute: string, value: DecimalString): Quantity {
    const parsed = parseQuantity(value);
    if (!parsed.ok) throw this.invalid(attribute || undefined, value, 'a quantity N(26.11)', 'количество (до 15 знаков до точки и до 11 после)', { reason: parsed.error.code });
    return parsed.value;
  }

  integer(attribute: string, totalDigits = 18): number {
    const value = this.attr(attribute);
    const parsed = parseInteger(value, totalDigits);
    if (parsed === undefined) throw this.invalid(attribute, value, `an integer of at most ${totalDigits} digits`, `целое число (не более ${totalDigits} цифр)`);
    return parsed;
  }

  date(attribute: string): CalendarDate {
    return this.dateOf(attribute, this.attr(attribute));
  }

  optDate(attribute: string): CalendarDate | undefined {
    const value = this.optAttr(attribute);
    return value === undefined ? undefined : this.dateOf(attribute, value);
  }

  private dateOf(attribute: string, value: string): CalendarDate {
    const date = parseXmlDate(value);
    if (date === undefined) throw this.invalid(attribute, value, 'a date DD.MM.YYYY', 'дата в виде ДД.ММ.ГГГГ');
    return date;
  }

  /** A mandatory attribute that must match a pattern (INN, KPP, OKEI, codes). */
  matching(attribute: string, pattern: RegExp, expected: string, expectedRu: string): string {
    const value = this.attr(attribute);
    if (!pattern.test(value)) throw this.invalid(attribute, value, expected, expectedRu);
    return value;
  }

  optMatching(attribute: string, pattern: RegExp, expected: string, expectedRu: string): string | undefined {
    return this.has(attribute) ? this.matching(attribute, pattern, expected, expectedRu) : undefined;
  }

  /** A mandatory attribute restricted to a set of values. */
  oneOf<const T extends string>(attribute: string, values: readonly T[]): T {
    const value = this.attr(attribute);
    if (!(values as readonly string[]).includes(value)) {
      throw this.invalid(attribute, value, `one of ${values.join(', ')}`, `одно из значений: ${values.join(', ')}`);
    }
    return value as T;
  }

  children(name: string): XmlNode[] {
    return this.element.children.filter((child) => child.name === name).map((child) => new XmlNode(child, this.file));
  }

  optChild(name: string): XmlNode | undefined {
    const found = this.element.children.find((child) => child.name === name);
    return found === undefined ? undefined : new XmlNode(found, this.file);
  }

  child(name: string): XmlNode {
    const found = this.optChild(name);
    if (found === undefined) {
      throw this.error(
        'XML_REQUIRED_MISSING',
        `Required element ${name} is missing`,
        `нет обязательного элемента ${name}. Документ составлен с ошибкой; запросите исправленный у отправителя`,
        undefined,
        { element: name },
      );
    }
    return found;
  }

  /** Exactly one of several alternative children (xs:choice). */
  choice<const T extends string>(names: readonly T[]): { name: T; node: XmlNode } {
    for (const name of names) {
      const node = this.optChild(name);
      if (node !== undefined) return { name, node };
    }
    throw this.error(
      'XML_REQUIRED_MISSING',
      `One of the elements ${names.join(' | ')} is required`,
      `нет ни одного из элементов ${names.join(', ')} — нужен один из них`,
      undefined,
      { expected: names },
    );
  }

  /** Text content of a simple element, trimmed. */
  text(): string {
    return this.element.text.trim();
  }

  requiredText(): string {
    const text = this.text();
    if (text === '') {
      throw this.error('XML_REQUIRED_MISSING', 'The element is empty', 'элемент пуст, а значение обязательно');
    }
    return text;
  }

  /** Text content as a quantity N(26.11). */
  textQuantity(): Quantity {
    const value = this.requiredText();
    const decimal = parseDecimal(value);
    if (decimal === undefined) throw this.invalid(undefined, value, 'a quantity N(26.11)', 'количество (до 15 знаков до точки и до 11 после)');
    return this.quantityOf('', decimal);
  }

  textKopecks(): bigint {
    return this.kopecksOf(undefined, this.requiredText());
  }
}
