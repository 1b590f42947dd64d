/**
 * Bodies 1C (or the web server in front of it) answers with when something is wrong: `odata.error` JSON
 * or `m:error` XML (NOTES.md §1.6), the HTML page with status 200 a broken publication gives
 * (NOTES.md §1.6, SNAP README), and the 401 challenge.
 */
import type { ODataError } from '../odata/errors.js';
import { NS_METADATA, XML_DECLARATION, escapeXml } from '../odata/xml.js';

export const CONTENT_TYPES = {
  json: 'application/json;charset=utf-8',
  atomFeed: 'application/atom+xml;type=feed;charset=utf-8',
  atomEntry: 'application/atom+xml;type=entry;charset=utf-8',
  atomService: 'application/atomsvc+xml;charset=utf-8',
  xml: 'application/xml;charset=utf-8',
  text: 'text/plain;charset=utf-8',
  html: 'text/html;charset=utf-8',
} as const;

export function odataErrorJson(error: ODataError): string {
  return JSON.stringify({ 'odata.error': { code: error.onecCode, message: { lang: 'ru', value: error.messageRu } } });
}

export function odataErrorXml(error: ODataError): string {
  return `${XML_DECLARATION}<m:error xmlns:m="${NS_METADATA}"><m:code>${escapeXml(error.onecCode)}</m:code><m:message xml:lang="ru">${escapeXml(error.messageRu)}</m:message></m:error>`;
}

/** What a client gets from a publication whose infobase is unreachable or misconfigured: a page, status 200. [I text] */
export const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ошибка</title></head><body>' +
  '<h1>Ошибка при выполнении операции с информационной базой</h1>' +
  '<p>Сервер 1С:Предприятия не обнаружен или информационная база недоступна. Обратитесь к администратору.</p>' +
  '</body></html>';

/** A web server's 404 for a path outside the publication. */
export const HTML_NOT_FOUND_PAGE = '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>';

export const UNAUTHORIZED_TEXT = '401 Unauthorized: требуется аутентификация пользователя информационной базы';
