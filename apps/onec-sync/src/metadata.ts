/**
 * What a base publishes, read from its `$metadata` (CSDL, EDMX 1.0 / OData 3.0, NOTES.md §1.1): the entity
 * sets, their properties with Edm types, and the tabular sections of each object. The sync maps from this
 * instead of from a fixed list, because the objects and their fields differ between configurations and
 * releases (NOTES.md §2.3) and between the compositions administrators choose. Read with saxes (streaming,
 * 15 MB for a real БП), namespace prefixes ignored.
 */
import { SaxesParser } from 'saxes';
import { onecErrors } from './errors.js';

export interface EntitySetInfo {
  readonly name: string;
  /** Property name → Edm type (`Edm.Guid`, `Edm.String`…); tabular sections are in `sections`. */
  readonly properties: ReadonlyMap<string, string>;
  readonly keys: readonly string[];
  /** Tabular section name (`Товары`) → the type of its rows. */
  readonly sections: ReadonlyMap<string, string>;
}

export class ServiceMetadata {
  readonly sets: ReadonlyMap<string, EntitySetInfo>;

  constructor(sets: ReadonlyMap<string, EntitySetInfo>) {
    this.sets = sets;
  }

  has(set: string): boolean {
    return this.sets.has(set);
  }

  hasProperty(set: string, property: string): boolean {
    return this.sets.get(set)?.properties.has(property) === true;
  }

  hasSection(set: string, section: string): boolean {
    const info = this.sets.get(set);
    // A section is published as its own entity set too (`Document_X_Товары`); either is enough.
    return info?.sections.has(section) === true || this.sets.has(`${set}_${section}`);
  }

  /** Properties of a tabular section's rows (from its own entity set). */
  sectionProperties(set: string, section: string): ReadonlyMap<string, string> {
    return this.sets.get(`${set}_${section}`)?.properties ?? new Map();
  }

  names(): string[] {
    return [...this.sets.keys()];
  }
}

interface TypeBuilder {
  properties: Map<string, string>;
  keys: string[];
  sections: Map<string, string>;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
const typeName = (qualified: string): string => qualified.slice(qualified.lastIndexOf('.') + 1);

/** Parses `$metadata`; ONEC_METADATA_INVALID when it is not CSDL. */
export function parseMetadata(xml: string): ServiceMetadata {
  const types = new Map<string, TypeBuilder>();
  const entitySets: { name: string; type: string }[] = [];
  let current: TypeBuilder | null = null;
  let inKey = false;
  let sawEdmx = false;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attr = (key: string): string => {
      const value = tag.attributes[key];
      return typeof value === 'string' ? value : '';
    };
    switch (name) {
      case 'Edmx':
        sawEdmx = true;
        break;
      case 'EntityType':
      case 'ComplexType':
        current = { properties: new Map(), keys: [], sections: new Map() };
        types.set(attr('Name'), current);
        break;
      case 'Key':
        inKey = true;
        break;
      case 'PropertyRef':
        if (inKey && current !== null) current.keys.push(attr('Name'));
        break;
      case 'Property': {
        if (current === null) break;
        const type = attr('Type');
        const collection = /^Collection\((.+)\)$/.exec(type);
        if (collection?.[1] !== undefined) current.sections.set(attr('Name'), typeName(collection[1]));
        else current.properties.set(attr('Name'), type);
        break;
      }
      case 'EntitySet':
        entitySets.push({ name: attr('Name'), type: typeName(attr('EntityType')) });
        break;
      default:
        break;
    }
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'Key') inKey = false;
    if (name === 'EntityType' || name === 'ComplexType') current = null;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw onecErrors.metadataUnreadable(error instanceof Error ? error.message : String(error));
  }
  if (!sawEdmx) throw onecErrors.metadataUnreadable('это не документ EDMX/CSDL');
  const sets = new Map<string, EntitySetInfo>();
  for (const set of entitySets) {
    const type = types.get(set.type) ?? { properties: new Map(), keys: [], sections: new Map() };
    sets.set(set.name, { name: set.name, properties: type.properties, keys: type.keys, sections: type.sections });
  }
  return new ServiceMetadata(sets);
}
