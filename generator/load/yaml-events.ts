import {
  boolCoreTag,
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  EVENT_ID,
  FAILSAFE_SCHEMA,
  getScalarValue,
  mapTag,
  NOT_RESOLVED,
  nullCoreTag,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import { MAX_DEPTH } from '../validate/document-depth.js';

/**
 * The fast way to read YAML: js-yaml's event parser, five to ten times faster than the full YAML
 * parser (which keeps a syntax tree), with the events kept so positions cost nothing until a
 * diagnostic asks for one. It takes the documents that both parsers read alike: one document with
 * no directive, tag, anchor or alias, whose scalars resolve by the YAML 1.2 core schema exactly as
 * the full parser resolves them. Anything else (and every malformed text) is left to the full
 * parser, which reads it, or reports it, as before.
 */
export interface YamlEvents {
  document: unknown;
  events: readonly Event[];
}

/** The YAML 1.2 core schema as the full parser (`yaml`) resolves it: a number too large for a double is Infinity, not a string. */
const intTag = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: ['-', '+', ...'0123456789'],
  resolve: (source) => {
    if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
    if (/^0o[0-7]+$/.test(source)) return parseInt(source.slice(2), 8);
    if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.slice(2), 16);
    return NOT_RESOLVED;
  },
  identify: () => false,
});

const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', ...'0123456789'],
  resolve: (source) => {
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(source)) return parseFloat(source);
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(source)) return source.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (/^\.(?:nan|NaN|NAN)$/.test(source)) return NaN;
    return NOT_RESOLVED;
  },
  identify: () => false,
});

const CORE_TAGS = [nullCoreTag, boolCoreTag, intTag, floatTag] as const;

/** A mapping as the full parser makes it into an object: a null key is `""`, as in its `toJS`; complex keys are refused (the full parser takes those). */
const objectMapTag = defineMappingTag('tag:yaml.org,2002:map', {
  create: () => mapTag.create(mapTag.tagName),
  addPair: (carrier, key, value) => mapTag.addPair(carrier, key ?? '', value),
  has: (carrier, key) => mapTag.has(carrier, key ?? ''),
  keys: (result) => mapTag.keys(result),
  get: (result, key) => mapTag.get(result, key ?? ''),
  identify: () => false,
});

const SCHEMA = FAILSAFE_SCHEMA.withTags(...CORE_TAGS, objectMapTag);

/** The document and its events, or undefined when the text needs the full parser (see YamlEvents); throws TooDeepText. */
export function readYamlEvents(text: string): YamlEvents | undefined {
  const events = eventsOf(text);
  if (!events || !isPlainDocument(events)) return undefined;
  try {
    const documents = constructFromEvents(events as Event[], { source: text, schema: SCHEMA });
    return documents.length === 1 ? { document: documents[0], events } : undefined;
  } catch {
    // A duplicate key, say: the full parser reports it with its own words and position.
    return undefined;
  }
}

/**
 * How deep the event parser reads: one level past MAX_DEPTH, so that a text it gives up on holds a
 * container validation refuses anyway (document-depth.ts).
 */
const EVENT_DEPTH = MAX_DEPTH + 1;

/**
 * Thrown for a text that nests deeper than the event parser reads, with the offset where it gave
 * up. No parser is to read such a text further: the full parser recurses to the end of the stack,
 * and V8 can abort the process outright when a regular expression is compiled there (the fuzz test,
 * seed 61: a 10,000-deep JSON spec, located for its diagnostic).
 */
export class TooDeepText extends Error {
  constructor(readonly offset: number) {
    super(`the text nests deeper than ${EVENT_DEPTH} levels`);
    this.name = 'TooDeepText';
  }
}

/** The events of any YAML text the event parser accepts (JSON included), or undefined; throws TooDeepText. */
export function eventsOf(text: string): Event[] | undefined {
  try {
    return parseEvents(text, { maxDepth: EVENT_DEPTH });
  } catch (error) {
    if (error instanceof YAMLException && error.reason.startsWith('nesting exceeded maxDepth')) throw new TooDeepText(error.mark?.position ?? 0);
    return undefined;
  }
}

/**
 * One document, no directive, no tag, anchor or alias anywhere, and no empty mapping key: what both
 * parsers read alike. (Behind an empty key the event parser also takes a compact nested mapping,
 * `: a: b`, which the YAML grammar and the full parser refuse.)
 */
function isPlainDocument(events: readonly Event[]): boolean {
  let documents = 0;
  // For each open collection: whether it is a mapping, and how many nodes it holds so far.
  const open: { mapping: boolean; nodes: number }[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      documents++;
      if (documents > 1 || event.directives.length > 0) return false;
      open.push({ mapping: false, nodes: 0 });
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.tagStart !== -1 || event.anchorStart !== -1) return false;
    const parent = open[open.length - 1];
    if (parent?.mapping && parent.nodes % 2 === 0 && event.type === EVENT_ID.SCALAR && event.valueStart === -1) return false;
    if (parent) parent.nodes++;
    if (event.type !== EVENT_ID.SCALAR) open.push({ mapping: event.type === EVENT_ID.MAPPING, nodes: 0 });
  }
  return documents === 1;
}

/** A mapping key as the constructed object spells it: a plain `200` or `1.0` resolves first, then becomes a string. */
export function keyOf(text: string, event: ScalarEvent): string {
  const source = getScalarValue(text, event);
  if (event.style !== SCALAR_STYLE.PLAIN) return source;
  for (const tag of CORE_TAGS) {
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value === null ? '' : String(value);
  }
  return source;
}
