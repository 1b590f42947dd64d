/**
 * Turns what a 1C publication answers when something is wrong into one SledopytError: `odata.error` JSON,
 * `<m:error>` XML, a web server's HTML page (also with status 200), 1C's code -1 with HTTP 500, and the
 * 401/403/404 that mean wrong password, no rights, or an object outside the OData composition
 * (NOTES.md §1.6). Pure: the transport decides about retries from the resulting code.
 */
import type { SledopytError } from '@sledopyt/core';
import { onecErrors } from '../errors.js';
import type { RequestContext } from '../errors.js';

export interface ODataErrorBody {
  /** 1C's internal error code (`8`, `14`, `-1`…), as text. */
  code: string | null;
  message: string;
}

export interface HttpFailure {
  status: number;
  contentType: string;
  body: string;
  /** `Retry-After` in seconds, when the server sent one. */
  retryAfterSeconds?: number | undefined;
}

const MAX_TEXT = 300;
const clip = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

function decodeXmlText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** `{"odata.error":{"code":"8","message":{"lang":"ru","value":"…"}}}` or `<m:error><m:code>8</m:code><m:message>…`. */
export function parseODataError(body: string): ODataErrorBody | null {
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as { 'odata.error'?: { code?: unknown; message?: { value?: unknown } | string } };
      const error = parsed['odata.error'];
      if (error === undefined) return null;
      const message = typeof error.message === 'string' ? error.message : error.message?.value;
      return { code: error.code === undefined ? null : String(error.code), message: clip(typeof message === 'string' ? message : '') };
    } catch {
      return null;
    }
  }
  if (trimmed.startsWith('<') && /<(?:\w+:)?error[\s>]/.test(trimmed)) {
    const code = /<(?:\w+:)?code>([^<]*)<\/(?:\w+:)?code>/.exec(trimmed)?.[1];
    const message = /<(?:\w+:)?message[^>]*>([^<]*)<\/(?:\w+:)?message>/.exec(trimmed)?.[1];
    return { code: code === undefined ? null : code.trim(), message: clip(decodeXmlText(message ?? '')) };
  }
  return null;
}

export const looksLikeHtml = (contentType: string, body: string): boolean =>
  /text\/html/i.test(contentType) || /^\s*(<!doctype html|<html)/i.test(body);

/** The error for a non-2xx answer. */
export function mapHttpFailure(failure: HttpFailure, ctx: RequestContext): SledopytError {
  const { status } = failure;
  const odata = parseODataError(failure.body);
  const text = odata?.message ?? clip(failure.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
  const code = odata?.code ?? null;
  if (status === 401) return onecErrors.authFailed(ctx);
  if (status === 403) return onecErrors.accessDenied(ctx, code, text);
  if (status === 404) {
    if (code === '8') return onecErrors.notInComposition(ctx, text);
    // A web server's own 404 (no `odata.error`): the publication itself is not there.
    if (odata === null) return onecErrors.notPublished(ctx, status);
    return onecErrors.queryRejected(ctx, status, code, text);
  }
  if (status === 408 || status === 429 || status === 503) return onecErrors.busy(ctx, status);
  if (status >= 500) return onecErrors.serverError(ctx, status, code, text);
  return onecErrors.queryRejected(ctx, status, code, text);
}
