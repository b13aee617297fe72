import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element of a parsed SVG: its tag, attributes, own text and children. */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: SvgElement[];
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses an SVG document as XML (throws on malformed XML) into its root element. */
export function parseSvg(svg: string): SvgElement {
  const valid = XMLValidator.validate(svg);
  if (valid !== true)
    throw new Error(`SVG is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });
  const nodes = parser.parse(svg) as OrderedNode[];
  const root = nodes.map(toElement).find((e) => e?.tag === 'svg');
  if (!root) throw new Error('no <svg> root element');
  return root;
}

function toElement(node: OrderedNode): SvgElement | null {
  const tag = Object.keys(node).find((k) => k !== ':@');
  if (!tag || tag === '#text') return null;
  const inner = node[tag] as OrderedNode[];
  const children = inner.map(toElement).filter((e): e is SvgElement => e !== null);
  const text = inner
    .filter((n) => '#text' in n)
    .map((n) => String(n['#text']))
    .join('');
  return { tag, attrs: node[':@'] ?? {}, text, children };
}

/** Every element below (and including) `root`, depth first. */
export function allElements(root: SvgElement): SvgElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The text of a `<text>` element with its `<tspan>` lines, each line one entry. */
export function textLines(root: SvgElement): string[] {
  return allElements(root)
    .filter((e) => e.tag === 'text')
    .flatMap((e) => {
      const spans = e.children.filter((c) => c.tag === 'tspan').map((c) => c.text);
      return spans.length ? spans : [e.text];
    });
}

/** Vega's mark groups (`<g class="mark-rect role-mark …">`) of one mark type, with their item counts. */
export function markItems(root: SvgElement, type: string): number[] {
  return allElements(root)
    .filter((e) => e.tag === 'g' && (e.attrs['class'] ?? '').split(' ').includes(`mark-${type}`))
    .filter((e) => (e.attrs['class'] ?? '').includes('role-mark'))
    .map((e) => e.children.length);
}
