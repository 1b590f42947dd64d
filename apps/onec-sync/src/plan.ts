/**
 * The composition spec of a configuration (`composition.ts`) laid over what one base publishes
 * (`$metadata`): which objects are there, which wanted fields each has (the others leave `$select`), and
 * whether a required object, section or field is missing — in which case the sync cannot map it.
 */
import { PROFILE_OBJECTS, presentFields } from './composition.js';
import type { ObjectRole, ObjectSpec, ProfileName, SectionSpec } from './composition.js';
import type { ServiceMetadata } from './metadata.js';

export interface ResolvedSection {
  spec: SectionSpec;
  present: boolean;
  fields: string[];
  missingRequiredFields: string[];
}

export interface ResolvedObject {
  spec: ObjectSpec;
  present: boolean;
  fields: string[];
  missingRequiredFields: string[];
  sections: ResolvedSection[];
  /** Present with every required field and required section. */
  usable: boolean;
}

export interface SyncPlan {
  profile: ProfileName;
  objects: ResolvedObject[];
  object(role: ObjectRole): ResolvedObject | undefined;
  /** Usable objects of these roles, in the plan's order. */
  usable(roles: readonly ObjectRole[]): ResolvedObject[];
}

function resolveSection(metadata: ServiceMetadata, set: string, spec: SectionSpec): ResolvedSection {
  const present = metadata.hasSection(set, spec.name);
  const properties = metadata.sectionProperties(set, spec.name);
  // Without the section's own entity set the row fields are unknown: ask for the wanted ones.
  const fields = properties.size === 0 ? [...spec.fields] : presentFields(properties, spec.fields);
  const missingRequiredFields = present && properties.size > 0 ? spec.requiredFields.filter((f) => !properties.has(f)) : [];
  return { spec, present, fields, missingRequiredFields };
}

export function resolvePlan(metadata: ServiceMetadata, profile: ProfileName): SyncPlan {
  const objects = PROFILE_OBJECTS[profile].map((spec): ResolvedObject => {
    const info = metadata.sets.get(spec.set);
    if (info === undefined) return { spec, present: false, fields: [], missingRequiredFields: [...spec.requiredFields], sections: [], usable: false };
    const sections = spec.sections.map((section) => resolveSection(metadata, spec.set, section));
    const missingRequiredFields = spec.requiredFields.filter((f) => !info.properties.has(f));
    const usable = missingRequiredFields.length === 0 && sections.every((s) => (s.present || !s.spec.required) && s.missingRequiredFields.length === 0);
    return { spec, present: true, fields: presentFields(info.properties, spec.fields), missingRequiredFields, sections, usable };
  });
  return {
    profile,
    objects,
    object: (role) => objects.find((o) => o.spec.role === role),
    usable: (roles) => objects.filter((o) => o.usable && roles.includes(o.spec.role)),
  };
}

/** `$select` for a document with its sections inline: header fields plus `Раздел/Поле` for each present section. */
export function fullSelect(object: ResolvedObject): string[] {
  return [...object.fields, ...object.sections.filter((s) => s.present).flatMap((s) => s.fields.map((f) => `${s.spec.name}/${f}`))];
}
