/**
 * Spoils a written XML file the way faulty software would: the formats package's writers refuse to write an
 * impossible RNPT, a ДТ number with quantity and cost, or an RNPT without its cost — so the demo writes a
 * correct file and then edits its text. Each edit must match exactly once, or the demo data is wrong.
 */
import { SledopytError } from '@sledopyt/core';
import { decodeXml, encodeXml } from '@sledopyt/formats';

export interface XmlEdit {
  /** Text (or pattern) to find: exactly once in the file, or in the part `within` names. */
  find: string | RegExp;
  replace: string;
  /** Limits the edit to the part of the file from `start` (found once) to the next `end`. */
  within?: { start: string; end: string };
}

const countOf = (text: string, find: string | RegExp): number =>
  typeof find === 'string' ? text.split(find).length - 1 : (text.match(new RegExp(find.source, find.flags.includes('g') ? find.flags : `${find.flags}g`)) ?? []).length;

function mismatch(edit: XmlEdit, found: number): SledopytError {
  const what = String(edit.find);
  return new SledopytError({
    code: 'DEMO_SPOIL_MISMATCH',
    message: `Demo data: "${what}" must occur exactly once where the file is spoiled (found ${found})`,
    messageRu: `Демо-данные: фрагмент «${what}» должен встречаться ровно один раз там, где файл портится (найдено: ${found}) — ошибка генератора демо-данных`,
    actor: 'developer',
    details: { find: what, found },
  });
}

function applyOnce(text: string, edit: XmlEdit): string {
  const found = countOf(text, edit.find);
  if (found !== 1) throw mismatch(edit, found);
  return text.replace(edit.find, edit.replace);
}

export function spoilXml(bytes: Uint8Array, edits: readonly XmlEdit[]): Uint8Array {
  const { text, encoding } = decodeXml(bytes);
  let out = text;
  for (const edit of edits) {
    if (edit.within === undefined) {
      out = applyOnce(out, edit);
      continue;
    }
    const starts = countOf(out, edit.within.start);
    if (starts !== 1) throw mismatch({ ...edit, find: edit.within.start }, starts);
    const from = out.indexOf(edit.within.start);
    const to = out.indexOf(edit.within.end, from);
    const until = to < 0 ? out.length : to;
    out = out.slice(0, from) + applyOnce(out.slice(from, until), edit) + out.slice(until);
  }
  return encodeXml(out, encoding);
}
