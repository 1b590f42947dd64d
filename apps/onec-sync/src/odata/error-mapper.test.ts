import { describe, expect, it } from 'vitest';
import { mapHttpFailure, parseODataError } from './error-mapper.js';

const ctx = { url: 'http://1c.example/buh/odata/standard.odata/Document_X', entitySet: 'Document_УведомлениеОВвозеПрослеживаемыхТоваров', user: 'Бухгалтер' };
const json = (code: string, value: string) => JSON.stringify({ 'odata.error': { code, message: { lang: 'ru', value } } });

describe('1C error answers', () => {
  it('reads odata.error JSON and m:error XML', () => {
    expect(parseODataError(json('8', 'Не найден тип сущности'))).toEqual({ code: '8', message: 'Не найден тип сущности' });
    expect(parseODataError('<?xml version="1.0"?><m:error xmlns:m="x"><m:code>14</m:code><m:message xml:lang="ru">Ошибка &lt;разбора&gt;</m:message></m:error>')).toEqual({ code: '14', message: 'Ошибка <разбора>' });
    expect(parseODataError('<html><body>502</body></html>')).toBeNull();
  });

  it('tells the administrator what to add when an object is outside the OData composition (404, code 8)', () => {
    const error = mapHttpFailure({ status: 404, contentType: 'application/json', body: json('8', 'Не найден тип сущности') }, ctx);
    expect(error.code).toBe('ONEC_NOT_IN_COMPOSITION');
    expect(error.actor).toBe('admin');
    expect(error.messageRu).toContain('Document_УведомлениеОВвозеПрослеживаемыхТоваров');
    expect(error.messageRu).toContain('Настройка стандартного интерфейса OData');
  });

  it('maps 401, 403 and a web server 404 to admin errors, -1/500 to a transient one, 14 to a developer one', () => {
    const cases: [number, string, string, string][] = [
      [401, 'text/plain', 'Unauthorized', 'ONEC_AUTH_FAILED'],
      [403, 'application/json', json('20', 'Недостаточно прав'), 'ONEC_ACCESS_DENIED'],
      [404, 'text/html', '<html><body>Not Found</body></html>', 'ONEC_NOT_PUBLISHED'],
      [500, 'application/json', json('-1', 'Произошла внутренняя ошибка OData сервиса'), 'ONEC_SERVER_ERROR'],
      [502, 'text/html', '<html>Bad Gateway</html>', 'ONEC_SERVER_ERROR'],
      [503, 'text/plain', 'busy', 'ONEC_BUSY'],
      [400, 'application/json', json('14', 'Ошибка разбора параметра запроса'), 'ONEC_QUERY_REJECTED'],
    ];
    for (const [status, contentType, body, code] of cases) {
      const error = mapHttpFailure({ status, contentType, body }, ctx);
      expect(error.code, `${status}`).toBe(code);
      expect(error.messageRu.length).toBeGreaterThan(20);
    }
    expect(mapHttpFailure({ status: 401, contentType: '', body: '' }, ctx).messageRu).toContain('«Бухгалтер»');
    expect(mapHttpFailure({ status: 500, contentType: 'application/json', body: json('-1', 'Ошибка при выполнении обработчика') }, ctx).actor).toBe('transient');
  });
});
