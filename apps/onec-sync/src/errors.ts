/**
 * Every failure of the 1C sync as a SledopytError with a stable code, an English message for logs and a
 * Russian one that says what is wrong and who must act (the 1C administrator, the user, or nobody: retry).
 * `details` never carries a password or an Authorization header: only the URL (credentials are never in
 * it), the HTTP status, 1C's own error code and the entity set.
 */
import { SledopytError } from '@sledopyt/core';

/** Where the administrator adds an object to the OData composition (БСП-based configurations). */
export const COMPOSITION_HINT_RU =
  'в 1С откройте «Администрирование → Синхронизация данных → Настройка стандартного интерфейса OData» ' +
  '(или «Все функции → Обработки → Настройка стандартного интерфейса OData»), отметьте объект на вкладке «Состав» и сохраните';

export interface RequestContext {
  /** The request URL (it never contains credentials). */
  url: string;
  /** The entity set asked for, when there is one. */
  entitySet?: string | undefined;
  /** The 1C user the request ran as (never the password). */
  user?: string | undefined;
}

/** Whether the transport may try the request again. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'ONEC_SERVER_ERROR',
  'ONEC_HTML_RESPONSE',
  'ONEC_BAD_RESPONSE',
  'ONEC_TIMEOUT',
  'ONEC_UNREACHABLE',
  'ONEC_BUSY',
]);

const what = (ctx: RequestContext): string => (ctx.entitySet === undefined ? 'публикация OData' : `объект ${ctx.entitySet}`);

export const onecErrors = {
  authFailed: (ctx: RequestContext) =>
    new SledopytError({
      code: 'ONEC_AUTH_FAILED',
      message: `1C rejected the user name or password (HTTP 401) for ${ctx.url}`,
      messageRu:
        `1С не приняла имя пользователя «${ctx.user ?? ''}» или пароль (HTTP 401). Проверьте --user и пароль ` +
        '(переменная окружения или файл); у пользователя 1С должна быть включена «Аутентификация 1С:Предприятия». ' +
        'Имя с кириллицей передаётся в UTF-8: если веб-сервер ждёт другую кодировку, заведите для обмена пользователя с латинским именем',
      actor: 'admin',
      details: { url: ctx.url, status: 401, user: ctx.user ?? null },
    }),

  accessDenied: (ctx: RequestContext, odataCode: string | null, text: string) =>
    new SledopytError({
      code: 'ONEC_ACCESS_DENIED',
      message: `1C denied access to ${ctx.entitySet ?? 'the service'} (HTTP 403, code ${odataCode ?? '-'}): ${text}`,
      messageRu:
        `У пользователя 1С «${ctx.user ?? ''}» нет прав на чтение: ${what(ctx)} (HTTP 403${odataCode === null ? '' : `, код ${odataCode}`}). ` +
        'Администратору 1С: дайте пользователю роль «Удалённый доступ OData» (или «Удаленный доступ: стандартный интерфейс OData») и право чтения этого объекта',
      actor: 'admin',
      details: { url: ctx.url, status: 403, odataCode, entitySet: ctx.entitySet ?? null, user: ctx.user ?? null },
    }),

  notInComposition: (ctx: RequestContext, text: string) =>
    new SledopytError({
      code: 'ONEC_NOT_IN_COMPOSITION',
      message: `${ctx.entitySet ?? 'The object'} is not in the OData composition of the base (HTTP 404, code 8): ${text}`,
      messageRu: `${ctx.entitySet ?? 'Объект'}: объект не включён в состав OData. Добавьте его: ${COMPOSITION_HINT_RU}`,
      actor: 'admin',
      details: { url: ctx.url, status: 404, odataCode: '8', entitySet: ctx.entitySet ?? null },
    }),

  notPublished: (ctx: RequestContext, status: number) =>
    new SledopytError({
      code: 'ONEC_NOT_PUBLISHED',
      message: `No standard OData interface answers at ${ctx.url} (HTTP ${status})`,
      messageRu:
        `По адресу ${ctx.url} нет стандартного интерфейса OData (HTTP ${status}). Проверьте адрес: он должен оканчиваться на ` +
        '«/odata/standard.odata/»; в Конфигураторе («Администрирование → Публикация на веб-сервере») должна стоять галка ' +
        '«Публиковать стандартный интерфейс OData»',
      actor: 'admin',
      details: { url: ctx.url, status },
    }),

  queryRejected: (ctx: RequestContext, status: number, odataCode: string | null, text: string) =>
    new SledopytError({
      code: 'ONEC_QUERY_REJECTED',
      message: `1C rejected the query (HTTP ${status}, code ${odataCode ?? '-'}): ${text}`,
      messageRu:
        `1С не приняла запрос к «${ctx.entitySet ?? 'сервису'}» (HTTP ${status}${odataCode === null ? '' : `, код ${odataCode}`}: ${text}). ` +
        'Похоже на несовместимость с версией конфигурации или ошибку программы: сообщите разработчикам, приложив этот текст',
      actor: 'developer',
      details: { url: ctx.url, status, odataCode, entitySet: ctx.entitySet ?? null, text },
    }),

  serverError: (ctx: RequestContext, status: number, odataCode: string | null, text: string) =>
    new SledopytError({
      code: 'ONEC_SERVER_ERROR',
      message: `1C failed to answer (HTTP ${status}, code ${odataCode ?? '-'}): ${text}`,
      messageRu:
        `Ошибка на стороне 1С при чтении «${ctx.entitySet ?? 'сервиса'}» (HTTP ${status}${odataCode === null ? '' : `, код ${odataCode}`}: ${text}). ` +
        'Повторите позже; если ошибка повторяется, передайте этот текст администратору 1С (журнал регистрации покажет причину)',
      actor: 'transient',
      details: { url: ctx.url, status, odataCode, entitySet: ctx.entitySet ?? null, text },
    }),

  busy: (ctx: RequestContext, status: number) =>
    new SledopytError({
      code: 'ONEC_BUSY',
      message: `1C asked to slow down (HTTP ${status})`,
      messageRu: `1С просит повторить запрос позже (HTTP ${status}). Повторите синхронизацию позже или уменьшите частоту запросов (rateLimit)`,
      actor: 'transient',
      details: { url: ctx.url, status },
    }),

  htmlResponse: (ctx: RequestContext, status: number) =>
    new SledopytError({
      code: 'ONEC_HTML_RESPONSE',
      message: `Expected OData JSON from ${ctx.url} but got an HTML page (HTTP ${status})`,
      messageRu:
        `Вместо ответа OData веб-сервер вернул HTML-страницу (HTTP ${status}). Так бывает при сбое публикации, ` +
        'окне входа или ошибке веб-сервера: проверьте адрес публикации и откройте его в браузере',
      actor: 'admin',
      details: { url: ctx.url, status, entitySet: ctx.entitySet ?? null },
    }),

  badResponse: (ctx: RequestContext, reason: string) =>
    new SledopytError({
      code: 'ONEC_BAD_RESPONSE',
      message: `Unreadable OData response from ${ctx.url}: ${reason}`,
      messageRu: `Ответ 1С не читается (${reason}): возможно, соединение оборвалось. Повторите позже`,
      actor: 'transient',
      details: { url: ctx.url, entitySet: ctx.entitySet ?? null, reason },
    }),

  timeout: (ctx: RequestContext, timeoutMs: number) =>
    new SledopytError({
      code: 'ONEC_TIMEOUT',
      message: `1C did not answer within ${timeoutMs} ms: ${ctx.url}`,
      messageRu: `1С не ответила за ${Math.round(timeoutMs / 1000)} с (${ctx.entitySet ?? 'сервис'}). Повторите позже или увеличьте timeouts.requestMs в настройках`,
      actor: 'transient',
      details: { url: ctx.url, entitySet: ctx.entitySet ?? null, timeoutMs },
    }),

  unreachable: (ctx: RequestContext, reason: string) =>
    new SledopytError({
      code: 'ONEC_UNREACHABLE',
      message: `Cannot reach 1C at ${ctx.url}: ${reason}`,
      messageRu: `Нет связи с 1С (${reason}). Проверьте адрес, сеть и что веб-сервер 1С запущен; затем повторите`,
      actor: 'transient',
      details: { url: ctx.url, entitySet: ctx.entitySet ?? null, reason },
    }),

  aborted: () =>
    new SledopytError({
      code: 'ONEC_SYNC_ABORTED',
      message: 'The 1C sync was stopped',
      messageRu: 'Синхронизация с 1С остановлена; всё, что успело записаться, сохранено — следующий запуск продолжит с того же места',
      actor: 'transient',
    }),

  configurationUnknown: (present: readonly string[]) =>
    new SledopytError({
      code: 'ONEC_CONFIGURATION_UNKNOWN',
      message: 'Cannot tell the configuration (БП 3.0 or УТ 11 / КА 2 / ERP 2) from the published objects',
      messageRu:
        'По составу OData не удалось понять конфигурацию (БП 3.0 или УТ 11 / КА 2 / ERP 2): не опубликованы ни справочник «Номера ГТД», ' +
        `ни документы поступления. Добавьте их в состав OData (${COMPOSITION_HINT_RU}) или укажите profile в настройках`,
      actor: 'admin',
      details: { publishedSample: present.slice(0, 20) },
    }),

  compositionIncomplete: (missing: readonly string[]) =>
    new SledopytError({
      code: 'ONEC_COMPOSITION_INCOMPLETE',
      message: `Required objects are missing from the OData composition: ${missing.join(', ')}`,
      messageRu: `В составе OData не хватает обязательных объектов: ${missing.join(', ')}. Добавьте их: ${COMPOSITION_HINT_RU}. Проверить состав: sledopyt sync 1c --check`,
      actor: 'admin',
      details: { missing },
    }),

  metadataUnreadable: (reason: string) =>
    new SledopytError({
      code: 'ONEC_METADATA_INVALID',
      message: `The $metadata document cannot be read: ${reason}`,
      messageRu: `Описание метаданных 1С ($metadata) не читается: ${reason}. Проверьте адрес публикации`,
      actor: 'admin',
      details: { reason },
    }),
};
