/**
 * HTTP Basic against the infobase's users, with the user name and password read as UTF-8 (what working
 * 1C clients send for a Cyrillic login such as «Администратор», NOTES.md §1.8). A user can be denied
 * some entity sets (403, code 20) or OData altogether (403 on every request, as a user without the
 * «Удаленный доступ OData» role).
 */
import { z } from 'zod';

export const userSchema = z.object({
  name: z.string().min(1),
  password: z.string(),
  /** Entity sets this user may not read (403 with code 20). */
  deniedEntitySets: z.array(z.string()).default([]),
  /** The user exists but has no OData access: every request is 403. */
  noODataAccess: z.boolean().default(false),
});

export type UserConfig = z.input<typeof userSchema>;
export type User = z.output<typeof userSchema>;

export type AuthOutcome =
  | { readonly ok: true; readonly user: User | null; readonly name: string | null }
  | { readonly ok: false; readonly name: string | null; readonly reason: 'missing' | 'malformed' | 'wrong' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes `Authorization: Basic …` as UTF-8; null when absent or not Basic. */
export function decodeBasic(header: string | undefined): { name: string; password: string } | 'malformed' | null {
  if (header === undefined) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match === null) return 'malformed';
  let text: string;
  try {
    text = utf8.decode(Buffer.from(match[1] ?? '', 'base64'));
  } catch {
    return 'malformed';
  }
  const colon = text.indexOf(':');
  if (colon < 0) return 'malformed';
  return { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** With `users === null` the publication needs no authentication. */
export function authenticate(header: string | undefined, users: readonly User[] | null): AuthOutcome {
  const credentials = decodeBasic(header);
  const name = credentials !== null && credentials !== 'malformed' ? credentials.name : null;
  if (users === null) return { ok: true, user: null, name };
  if (credentials === null) return { ok: false, name, reason: 'missing' };
  if (credentials === 'malformed') return { ok: false, name, reason: 'malformed' };
  const user = users.find((u) => u.name === credentials.name && u.password === credentials.password);
  return user === undefined ? { ok: false, name, reason: 'wrong' } : { ok: true, user, name };
}
