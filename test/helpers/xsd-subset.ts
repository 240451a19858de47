// A small XML Schema validator for the tests: XML parsed by saxes (well-formedness), then checked
// against the subset of XSD that JUnit.xsd uses — global and local elements, named and anonymous
// complex types, sequence and choice with minOccurs/maxOccurs, complexContent and simpleContent
// extensions, attributes with use="required", simple types by restriction (pattern, minLength) of
// xs:string, xs:token, xs:int, xs:decimal and xs:dateTime. Anything else in a schema is an error.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  text: string;
}

/** Parses an XML document; throws on any well-formedness error. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attributes: new Map(Object.entries(tag.attributes as Record<string, string>)), children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += t;
  });
  parser.on('cdata', (t) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(text).close();
  if (!root) throw new Error('No root element');
  return root;
}

const XS = 'xs:';

export class XsdSubset {
  private readonly elements = new Map<string, XmlElement>();
  private readonly complexTypes = new Map<string, XmlElement>();
  private readonly simpleTypes = new Map<string, XmlElement>();

  constructor(xsd: string) {
    const schema = parseXml(xsd);
    if (schema.name !== `${XS}schema`) throw new Error('Not an xs:schema');
    for (const c of schema.children) {
      const name = c.attributes.get('name');
      if (c.name === `${XS}element` && name) this.elements.set(name, c);
      else if (c.name === `${XS}complexType` && name) this.complexTypes.set(name, c);
      else if (c.name === `${XS}simpleType` && name) this.simpleTypes.set(name, c);
      else if (c.name !== `${XS}annotation`) throw new Error(`Unsupported schema construct ${c.name}`);
    }
  }

  /** Problems of the document, empty when it is valid. */
  validate(xml: string): string[] {
    const errors: string[] = [];
    let root: XmlElement;
    try {
      root = parseXml(xml);
    } catch (e) {
      return [`not well-formed: ${(e as Error).message}`];
    }
    const decl = this.elements.get(root.name);
    if (!decl) return [`root element <${root.name}> is not declared`];
    this.checkElement(root, decl, `/${root.name}`, errors);
    return errors;
  }

  private checkElement(el: XmlElement, decl: XmlElement, path: string, errors: string[]): void {
    const typeName = decl.attributes.get('type');
    const inlineComplex = decl.children.find((c) => c.name === `${XS}complexType`);
    const inlineSimple = decl.children.find((c) => c.name === `${XS}simpleType`);
    if (typeName && this.complexTypes.has(typeName)) this.checkComplex(el, this.complexTypes.get(typeName)!, path, errors);
    else if (inlineComplex) this.checkComplex(el, inlineComplex, path, errors);
    else if (typeName || inlineSimple) {
      if (el.children.length > 0) errors.push(`${path}: simple content may not hold elements`);
      for (const a of el.attributes.keys()) errors.push(`${path}: attribute ${a} is not declared`);
      const problem = this.checkSimple(el.text, typeName, inlineSimple);
      if (problem) errors.push(`${path}: ${problem}`);
    }
    // No type at all: xs:anyType, anything goes.
  }

  private checkComplex(el: XmlElement, type: XmlElement, path: string, errors: string[]): void {
    const { attributes, particle, simpleBase } = this.flatten(type);
    for (const [name, attr] of attributes) {
      const value = el.attributes.get(name);
      if (value === undefined) {
        if (attr.attributes.get('use') === 'required') errors.push(`${path}: required attribute ${name} is missing`);
        continue;
      }
      const problem = this.checkSimple(value, attr.attributes.get('type'), attr.children.find((c) => c.name === `${XS}simpleType`));
      if (problem) errors.push(`${path}/@${name}: ${problem}`);
    }
    for (const name of el.attributes.keys()) if (!attributes.has(name) && !name.startsWith('xmlns')) errors.push(`${path}: attribute ${name} is not declared`);
    if (simpleBase !== undefined) {
      if (el.children.length > 0) errors.push(`${path}: simple content may not hold elements`);
      const problem = this.checkSimple(el.text, simpleBase, undefined);
      if (problem) errors.push(`${path}: ${problem}`);
      return;
    }
    if (el.text.trim() !== '') errors.push(`${path}: text is not allowed here`);
    const end = particle ? this.match(el.children, 0, particle, path, errors) : 0;
    if (end === undefined) errors.push(`${path}: children <${el.children.map((c) => c.name).join('>, <')}> do not match the content model`);
    else if (end < el.children.length) errors.push(`${path}: unexpected <${el.children[end]!.name}>`);
  }

  /** Attributes, the content particle, or the simple-content base of a complex type, extensions resolved. */
  private flatten(type: XmlElement): { attributes: Map<string, XmlElement>; particle?: XmlElement; simpleBase?: string } {
    const attributes = new Map<string, XmlElement>();
    let particle: XmlElement | undefined;
    let simpleBase: string | undefined;
    for (const c of type.children) {
      if (c.name === `${XS}attribute`) attributes.set(c.attributes.get('name')!, c);
      else if (c.name === `${XS}sequence` || c.name === `${XS}choice`) particle = c;
      else if (c.name === `${XS}complexContent` || c.name === `${XS}simpleContent`) {
        const ext = c.children.find((x) => x.name === `${XS}extension`);
        if (!ext) throw new Error(`Unsupported ${c.name} without extension`);
        const base = ext.attributes.get('base')!;
        if (c.name === `${XS}complexContent`) {
          const inherited = this.flatten(this.complexTypes.get(base)!);
          for (const [k, v] of inherited.attributes) attributes.set(k, v);
          particle = inherited.particle;
        } else simpleBase = base;
        for (const x of ext.children) {
          if (x.name === `${XS}attribute`) attributes.set(x.attributes.get('name')!, x);
          else if (x.name !== `${XS}annotation`) throw new Error(`Unsupported ${x.name} in an extension`);
        }
      } else if (c.name !== `${XS}annotation`) throw new Error(`Unsupported ${c.name} in a complex type`);
    }
    return { attributes, ...(particle ? { particle } : {}), ...(simpleBase !== undefined ? { simpleBase } : {}) };
  }

  /** Greedy match of children from `i` against a sequence, choice or element particle; the index after, or undefined. */
  private match(children: readonly XmlElement[], i: number, particle: XmlElement, path: string, errors: string[]): number | undefined {
    const min = Number(particle.attributes.get('minOccurs') ?? '1');
    const maxText = particle.attributes.get('maxOccurs') ?? '1';
    const max = maxText === 'unbounded' ? Infinity : Number(maxText);
    let count = 0;
    let at = i;
    while (count < max) {
      const next = this.matchOnce(children, at, particle, path, errors);
      if (next === undefined) break;
      if (next === at) {
        // An empty match (a sequence of optional parts) satisfies every required occurrence.
        count = Math.max(count + 1, min);
        break;
      }
      at = next;
      count++;
    }
    return count >= min ? at : undefined;
  }

  private matchOnce(children: readonly XmlElement[], i: number, particle: XmlElement, path: string, errors: string[]): number | undefined {
    const items = particle.children.filter((c) => c.name !== `${XS}annotation`);
    if (particle.name === `${XS}element`) {
      const el = children[i];
      if (!el || el.name !== particle.attributes.get('name')) return undefined;
      this.checkElement(el, particle, `${path}/${el.name}[${i}]`, errors);
      return i + 1;
    }
    if (particle.name === `${XS}sequence`) {
      let at = i;
      for (const item of items) {
        const next = this.match(children, at, item, path, errors);
        if (next === undefined) return undefined;
        at = next;
      }
      return at;
    }
    if (particle.name === `${XS}choice`) {
      for (const item of items) {
        const next = this.match(children, i, item, path, errors);
        if (next !== undefined && next > i) return next;
      }
      return items.some((item) => (item.attributes.get('minOccurs') ?? '1') === '0') ? i : undefined;
    }
    throw new Error(`Unsupported particle ${particle.name}`);
  }

  /** A problem with a simple value, or undefined. */
  private checkSimple(value: string, typeName: string | undefined, inline: XmlElement | undefined): string | undefined {
    if (inline) return this.checkRestriction(value, inline);
    if (!typeName) return undefined;
    const named = this.simpleTypes.get(typeName);
    if (named) return this.checkRestriction(value, named);
    const v = typeName === 'xs:token' ? value.replace(/\s+/g, ' ').trim() : value;
    switch (typeName) {
      case 'xs:string':
      case 'xs:token':
        return undefined;
      case 'xs:int':
        return /^[+-]?\d+$/.test(v.trim()) && Math.abs(Number(v)) <= 2147483648 ? undefined : `"${value}" is not an xs:int`;
      case 'xs:decimal':
        return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim()) ? undefined : `"${value}" is not an xs:decimal`;
      case 'xs:dateTime':
        return /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(v.trim()) ? undefined : `"${value}" is not an xs:dateTime`;
      default:
        throw new Error(`Unsupported simple type ${typeName}`);
    }
  }

  private checkRestriction(value: string, simpleType: XmlElement): string | undefined {
    const r = simpleType.children.find((c) => c.name === `${XS}restriction`);
    if (!r) throw new Error('Unsupported simple type without restriction');
    const base = this.checkSimple(value, r.attributes.get('base'), undefined);
    if (base) return base;
    const v = r.attributes.get('base') === 'xs:token' ? value.replace(/\s+/g, ' ').trim() : value;
    for (const facet of r.children) {
      const f = facet.attributes.get('value')!;
      if (facet.name === `${XS}pattern` && !new RegExp(`^(?:${f})$`).test(v)) return `"${value}" does not match the pattern ${f}`;
      if (facet.name === `${XS}minLength` && v.length < Number(f)) return `"${value}" is shorter than ${f}`;
      if (![`${XS}pattern`, `${XS}minLength`, `${XS}whiteSpace`, `${XS}annotation`].includes(facet.name)) throw new Error(`Unsupported facet ${facet.name}`);
    }
    return undefined;
  }
}
