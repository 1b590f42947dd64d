/**
 * `sledopyt sync 1c --check`: connects, reads `$metadata`, tells the configuration, and for every object the
 * sync needs says whether it is published with the fields it reads and readable by the user (one `$top=1`
 * request each) — and, for what is missing, what the 1C administrator must do. Reads nothing else.
 */
import { isSledopytError } from '@sledopyt/core';
import type { Logger } from '@sledopyt/contract';
import { noopLogger } from '@sledopyt/contract';
import { checkpointSource } from './checkpoint.js';
import type { ObjectRole } from './composition.js';
import type { OneCSyncConfig } from './config.js';
import { COMPOSITION_HINT_RU } from './errors.js';
import type { ResolvedObject } from './plan.js';
import { openSession } from './session.js';
import type { SessionServices } from './session.js';
import type { ODataTransport } from './transport.js';

export type ObjectStatus = 'ok' | 'not-published' | 'fields-missing' | 'forbidden' | 'error';

export interface ObjectCheck {
  role: ObjectRole;
  set: string;
  titleRu: string;
  purposeRu: string;
  required: boolean;
  status: ObjectStatus;
  /** Required fields or tabular sections the base lacks. */
  missing: string[];
  messageRu: string;
  error: { code: string; messageRu: string } | null;
}

export interface CompositionCheck {
  /** The service root (no credentials are ever in it). */
  url: string;
  source: string;
  user: string | null;
  profile: string;
  profileTitleRu: string;
  publishedEntitySets: number;
  /** Every required object usable, and the taxpayer known. */
  ok: boolean;
  objects: ObjectCheck[];
  missingRequired: string[];
  missingOptional: string[];
  taxpayer: { known: boolean; messageRu: string };
  hintRu: string;
}

function missingParts(object: ResolvedObject): string[] {
  return [...object.missingRequiredFields, ...object.sections.flatMap((s) => (!s.present && s.spec.required ? [`табличная часть ${s.spec.name}`] : s.missingRequiredFields.map((f) => `${s.spec.name}.${f}`)))];
}

function staticStatus(object: ResolvedObject): Pick<ObjectCheck, 'status' | 'missing' | 'messageRu'> {
  if (!object.present) {
    const consequence = object.spec.required ? 'синхронизация без него невозможна' : `без него не будет: ${object.spec.purposeRu}`;
    return { status: 'not-published', missing: [], messageRu: `не включён в состав OData (${consequence}). Добавьте: ${COMPOSITION_HINT_RU}` };
  }
  const missing = missingParts(object);
  if (missing.length > 0) {
    return {
      status: 'fields-missing',
      missing,
      messageRu: `опубликован, но в нём нет ${missing.join(', ')}: похоже, версия конфигурации не поддерживается — сообщите разработчикам (укажите версию конфигурации)`,
    };
  }
  return { status: 'ok', missing: [], messageRu: 'опубликован, поля на месте, чтение разрешено' };
}

/** One `$top=1` read: catches a user without rights on this object (403, code 20). */
async function probe(transport: ODataTransport, object: ResolvedObject): Promise<{ code: string; messageRu: string } | null> {
  try {
    if (object.spec.role === 'balance') await transport.collection([object.spec.set, 'Balance'], { top: 1 }, object.spec.set);
    else await transport.collection([object.spec.set], { select: ['Ref_Key'], top: 1 });
    return null;
  } catch (error) {
    if (isSledopytError(error)) return { code: error.code, messageRu: error.messageRu };
    throw error;
  }
}

export async function checkOneC(config: OneCSyncConfig, services: SessionServices = {}, logger: Logger = noopLogger, signal?: AbortSignal): Promise<CompositionCheck> {
  const session = await openSession(config, services, logger, signal);
  const objects: ObjectCheck[] = [];
  for (const object of session.plan.objects) {
    const base = { role: object.spec.role, set: object.spec.set, titleRu: object.spec.titleRu, purposeRu: object.spec.purposeRu, required: object.spec.required };
    const status = staticStatus(object);
    if (status.status !== 'ok') {
      objects.push({ ...base, ...status, error: null });
      continue;
    }
    const error = await probe(session.transport, object);
    if (error === null) objects.push({ ...base, ...status, error: null });
    else objects.push({ ...base, status: error.code === 'ONEC_ACCESS_DENIED' ? 'forbidden' : 'error', missing: [], messageRu: error.messageRu, error });
  }
  const organizations = objects.find((o) => o.role === 'organizations' && o.status === 'ok') !== undefined;
  const taxpayerKnown = organizations || config.taxpayerInn !== undefined || Object.keys(config.organizations).length > 0;
  const missingRequired = objects.filter((o) => o.required && o.status !== 'ok').map((o) => o.set);
  return {
    url: config.url,
    source: checkpointSource(session.sourceId),
    user: config.user ?? null,
    profile: session.profile,
    profileTitleRu: session.profileTitleRu,
    publishedEntitySets: session.metadata.sets.size,
    ok: missingRequired.length === 0 && taxpayerKnown,
    objects,
    missingRequired,
    missingOptional: objects.filter((o) => !o.required && o.status !== 'ok').map((o) => o.set),
    taxpayer: {
      known: taxpayerKnown,
      messageRu: taxpayerKnown
        ? organizations
          ? 'ИНН организаций берутся из справочника «Организации»'
          : `ИНН организации из настроек: ${config.taxpayerInn ?? Object.values(config.organizations).join(', ')}`
        : 'справочник «Организации» не опубликован и ИНН не указан: добавьте справочник в состав OData или укажите --inn',
    },
    hintRu: COMPOSITION_HINT_RU,
  };
}
