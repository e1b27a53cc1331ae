import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../generator/diagnostics/reporter.js';
import type { IrSchema } from '../../../generator/normalize/api-model.js';
import { normalizeSchemaObject } from '../../../generator/normalize/schema-object.js';
import { printType } from '../../../generator/plan/type-printer.js';

const document = { components: { schemas: { Pet: { type: 'object' }, Cat: { type: 'object' }, Dog: { type: 'object' } } } };
const scope = { modelName: (name: string) => name, use: () => undefined };

function typeOf(schema: unknown): string {
  const sink = new DiagnosticSink();
  const ir: IrSchema = normalizeSchemaObject({ document, sink }, schema, '#/x');
  expect(sink.items).toEqual([]);
  return printType(ir, scope);
}

// Given a Schema Object, want the TypeScript type oasgen prints for it.
const table: [string, unknown, string][] = [
  ['string', { type: 'string' }, 'string'],
  ['integer', { type: 'integer', format: 'int64' }, 'number'],
  ['boolean', { type: 'boolean' }, 'boolean'],
  ['date-time stays a string', { type: 'string', format: 'date-time' }, 'string'],
  ['binary is a Blob', { type: 'string', format: 'binary' }, 'Blob'],
  ['3.1 contentMediaType without contentEncoding is a Blob', { type: 'string', contentMediaType: 'image/png' }, 'Blob'],
  ['contentMediaType with contentEncoding stays a string', { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' }, 'string'],
  ['a text contentMediaType stays a string', { type: 'string', contentMediaType: 'text/csv' }, 'string'],
  ['3.0 nullable', { type: 'string', nullable: true }, 'string | null'],
  ['3.1 type array with null', { type: ['string', 'null'] }, 'string | null'],
  ['3.1 type array of two types', { type: ['string', 'integer'] }, 'string | number'],
  ['string enum', { type: 'string', enum: ['a', 'b'] }, '"a" | "b"'],
  ['enum with null', { enum: ['a', null] }, '"a" | null'],
  ['an empty enum admits nothing', { type: 'string', enum: [] }, 'never'],
  ['an empty oneOf admits nothing', { oneOf: [] }, 'never'],
  ['an empty allOf constrains nothing', { allOf: [] }, 'unknown'],
  ['const', { const: 'fixed' }, '"fixed"'],
  ['ref', { $ref: '#/components/schemas/Pet' }, 'Pet'],
  ['array of refs', { type: 'array', items: { $ref: '#/components/schemas/Pet' } }, 'Pet[]'],
  ['array of a union', { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'integer' }] } }, '(string | number)[]'],
  ['tuple', { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false }, '[string, number, ...unknown[]]'],
  ['object with required and optional', { type: 'object', required: ['a'], properties: { a: { type: 'string' }, 'b-c': { type: 'integer' } } }, '{ a: string; "b-c"?: number; }'],
  ['free-form object', { type: 'object' }, 'Record<string, unknown>'],
  ['map of strings', { type: 'object', additionalProperties: { type: 'string' } }, '{ [key: string]: string; }'],
  ['additionalProperties true', { type: 'object', additionalProperties: true }, '{ [key: string]: unknown; }'],
  ['allOf', { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { a: { type: 'string' } } }] }, 'Pet & { a?: string; }'],
  ['oneOf', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, 'string | number'],
  [
    'discriminated oneOf',
    { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
    '(Cat & { kind: "cat" }) | (Dog & { kind: "Dog" })',
  ],
  ['boolean schema true', true, 'unknown'],
  ['no type', {}, 'unknown'],
  ['description with comment end', { type: 'object', properties: { a: { type: 'string', description: 'x */ y' } } }, '{ /** x *\\/ y */ a?: string; }'],
];

describe('normalizeSchemaObject + printType', () => {
  it.each(table)('%s', (_name, schema, want) => {
    expect(typeOf(schema)).toBe(want);
  });
});

describe('broken refs', () => {
  it('reports a missing component with a did-you-mean', () => {
    const sink = new DiagnosticSink();
    const ir = normalizeSchemaObject({ document, sink }, { $ref: '#/components/schemas/Pets' }, '#/components/schemas/Owner/properties/pet');
    expect(ir.kind).toBe('unknown');
    expect(sink.items.map((d) => [d.code, d.pointer, d.message])).toEqual([
      ['OAS103', '#/components/schemas/Owner/properties/pet/$ref', '$ref "#/components/schemas/Pets" does not resolve (did you mean "Pet"?)'],
    ]);
  });
});

describe('keywords TypeScript cannot express are OAS302 warnings at their pointer', () => {
  const cases: [unknown, string[]][] = [
    [{ type: 'string', not: { const: '' } }, ['warning OAS302 #/x/not']],
    [{ type: 'object', propertyNames: { pattern: '^a' }, if: {}, then: {} }, ['warning OAS302 #/x/if', 'warning OAS302 #/x/then', 'warning OAS302 #/x/propertyNames']],
    [{ type: 'object', properties: { a: { type: 'array', contains: { type: 'string' } } } }, ['warning OAS302 #/x/properties/a/contains']],
    [{ type: 'string', minLength: 1 }, []],
  ];
  for (const [schema, want] of cases) {
    it(`${JSON.stringify(schema)} → ${want.join(', ') || 'nothing'}`, () => {
      const sink = new DiagnosticSink();
      normalizeSchemaObject({ document, sink }, schema, '#/x');
      expect(sink.items.map((d) => `${d.severity} ${d.code} ${d.pointer}`).sort()).toEqual([...want].sort());
    });
  }
});
