/**
 * 1C's OData errors: an internal code (NOTES.md §1.6: 6 bad URL, 8 entity type not found, 9 instance
 * not found, 10 property not found, 14 query option parse error, 19 method forbidden, 20 access
 * rights, 21 bad function call, -1 exception in 1C code) and an HTTP status. The Russian texts are
 * modelled on 1C's wording; their exact text is not verified [I].
 */
import { SledopytError, isSledopytError } from '@sledopyt/core';

export class ODataError extends SledopytError {
  readonly httpStatus: number;
  /** 1C's `odata.error.code`, a string as 1C sends it. */
  readonly onecCode: string;

  constructor(httpStatus: number, onecCode: string, valueRu: string, message: string) {
    super({ code: 'ONEC_EMULATOR_ODATA_ERROR', message, messageRu: valueRu, actor: 'developer', details: { httpStatus, onecCode } });
    this.httpStatus = httpStatus;
    this.onecCode = onecCode;
  }
}

/** Identifies an OData error by its code, not by `instanceof` (see `@sledopyt/core` errors). */
export function isODataError(value: unknown): value is ODataError {
  return isSledopytError(value) && value.code === 'ONEC_EMULATOR_ODATA_ERROR' && typeof (value as ODataError).httpStatus === 'number';
}

export const INTERNAL_ERROR_RU = 'Произошла внутренняя ошибка OData сервиса. Обратитесь к администратору информационной базы.';

export const odataErrors = {
  badUrl: (detail: string): ODataError => new ODataError(400, '6', `Неправильный URL: ${detail}`, `Bad URL: ${detail}`),
  entitySetNotFound: (name: string): ODataError =>
    new ODataError(404, '8', `Не найден тип сущности: ${name}`, `Entity type not found: ${name} (not in the OData composition?)`),
  instanceNotFound: (setName: string): ODataError => new ODataError(404, '9', 'Экземпляр сущности не найден', `No such instance of ${setName}`),
  propertyNotFound: (setName: string, name: string): ODataError =>
    new ODataError(400, '10', `Не найдено свойство ${name} у сущности ${setName}`, `Property ${name} not found in ${setName}`),
  methodNotFound: (name: string): ODataError => new ODataError(400, '11', `Метод не найден: ${name}`, `Method not found: ${name}`),
  keyMissing: (setName: string): ODataError => new ODataError(400, '7', `Не указана часть ключа сущности ${setName}`, `Key part missing for ${setName}`),
  queryOption: (detail: string): ODataError =>
    new ODataError(400, '14', `Ошибка разбора параметра запроса: ${detail}`, `Query option parse error: ${detail}`),
  functionCall: (detail: string): ODataError => new ODataError(400, '21', `Неверный вызов функции: ${detail}`, `Bad function call: ${detail}`),
  methodForbidden: (method: string): ODataError =>
    new ODataError(405, '19', `HTTP-метод ${method} запрещен для этого ресурса`, `HTTP method ${method} is not allowed here (the emulator is read-only)`),
  accessDenied: (setName: string): ODataError =>
    new ODataError(403, '20', `Нарушение прав доступа: ${setName}`, `Access denied to ${setName}`),
  representation: (format: string): ODataError =>
    new ODataError(400, '3', `Представление ${format} не поддерживается`, `Representation not supported: ${format}`),
  notSupported: (detail: string): ODataError => new ODataError(501, '0', `Не поддерживается: ${detail}`, `Not supported: ${detail}`),
  internal: (): ODataError => new ODataError(500, '-1', INTERNAL_ERROR_RU, 'Internal error of the OData service'),
};
