/**
 * Writers describe a document as a plain tree of `el(name, attributes, children)` values; this module turns
 * the tree into bytes with xmlbuilder2 (escaping, declaration) and the chosen encoding (windows-1251 by
 * default, as ФНС requires). Attributes whose value is `undefined` are left out, so optional fields need no `if`.
 */
import { create } from 'xmlbuilder2';
import { encodeXml, encodingLabel, type XmlEncoding } from './encoding.js';

export interface XmlOut {
  name: string;
  attributes: Record<string, string | undefined>;
  children: XmlOut[];
  text?: string;
}

type Child = XmlOut | undefined | false | readonly (XmlOut | undefined | false)[];

/** An element with attributes and children; `undefined`/`false` children are skipped, arrays are flattened. */
export function el(name: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]): XmlOut {
  const flat: XmlOut[] = [];
  for (const child of children) {
    if (Array.isArray(child)) {
      for (const item of child as readonly (XmlOut | undefined | false)[]) if (item) flat.push(item);
    } else if (child) {
      flat.push(child as XmlOut);
    }
  }
  return { name, attributes, children: flat };
}

/** A simple element with text content, e.g. `<СумНал>1000.00</СумНал>`. */
export function textEl(name: string, text: string): XmlOut {
  return { name, attributes: {}, children: [], text };
}

export interface SerializeOptions {
  /** windows-1251 (default, what ФНС accepts) or UTF-8. */
  encoding?: XmlEncoding;
  /** Indent the output (default true: people open these files). */
  prettyPrint?: boolean;
}

/** The document as text with its XML declaration. */
export function serializeXmlText(root: XmlOut, options: SerializeOptions = {}): string {
  const encoding = options.encoding ?? 'windows-1251';
  const doc = create({ version: '1.0', encoding: encodingLabel(encoding) });
  const append = (parent: ReturnType<typeof create>, node: XmlOut) => {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(node.attributes)) if (value !== undefined) attributes[key] = value;
    const element = parent.ele(node.name, attributes);
    if (node.text !== undefined) element.txt(node.text);
    for (const child of node.children) append(element, child);
  };
  append(doc, root);
  return doc.end({ prettyPrint: options.prettyPrint ?? true, indent: '  ' });
}

/** The document as bytes in the requested encoding. */
export function serializeXml(root: XmlOut, options: SerializeOptions = {}): Uint8Array {
  return encodeXml(serializeXmlText(root, options), options.encoding ?? 'windows-1251');
}
