import { describe, expect, it } from 'vitest';
import type { IrSchema, NamedSchema } from '../../../generator/normalize/api-model.js';
import { exampleValue } from '../../../generator/plan/example-value.js';

const origin = '#/components/schemas/X';
const str: IrSchema = { kind: 'primitive', type: 'string', origin };
const ref = (name: string): IrSchema => ({ kind: 'ref', name, origin });
const object = (...required: [string, IrSchema][]): IrSchema => ({ kind: 'object', properties: required.map(([name, schema]) => ({ name, required: true, schema })), origin });

describe('exampleValue', () => {
  const cases: { given: string; schema: IrSchema; schemas?: NamedSchema[]; want: string }[] = [
    { given: 'an object with a required string', schema: object(['name', str]), want: '{ name: "name_example" }' },
    { given: 'a required self-reference', schema: ref('Node'), schemas: [{ name: 'Node', schema: object(['next', ref('Node')]) }], want: '{ next: {} }' },
    {
      given: 'allOf parts merged, a property built from the part that declares it',
      schema: { kind: 'intersection', parts: [ref('Base'), { kind: 'object', properties: [{ name: 'id', required: true, schema: { kind: 'unknown', origin } }], origin }], origin },
      schemas: [{ name: 'Base', schema: { kind: 'object', properties: [{ name: 'id', required: false, schema: { kind: 'primitive', type: 'integer', origin } }], origin } }],
      want: '{ id: 56 }',
    },
    {
      // A property whose allOf refers to its own schema twice (found by the fuzz test): the example
      // nests until the depth limit instead of overflowing the stack.
      given: 'a property that is an allOf of its own schema',
      schema: ref('Problem'),
      schemas: [{ name: 'Problem', schema: object(['description', { kind: 'intersection', parts: [str, ref('Problem'), ref('Problem')], origin }]) }],
      want: '{ description: "description_example" }',
    },
    // Types no value has (found by the fuzz test, seed 31): the example must still compile.
    { given: 'an empty anyOf (never)', schema: { kind: 'union', keyword: 'anyOf', variants: [], origin }, want: 'undefined as never' },
    { given: 'an empty enum (never)', schema: { kind: 'enum', values: [], origin }, want: 'undefined as never' },
    {
      given: 'an object with a required property of an empty anyOf',
      schema: object(['pet_type', str], ['kind', { kind: 'union', keyword: 'anyOf', variants: [], origin }]),
      want: 'undefined as never',
    },
    {
      given: 'an allOf of an object and a const string',
      schema: { kind: 'intersection', parts: [object(['name', str]), { kind: 'literal', value: 'x', origin }], origin },
      want: 'undefined as never',
    },
    {
      given: 'a union whose first variant no value has',
      schema: { kind: 'union', keyword: 'oneOf', variants: [{ kind: 'enum', values: [], origin }, str], origin },
      want: '"hint_example"',
    },
    { given: 'an allOf of an object and an array', schema: { kind: 'intersection', parts: [object(), { kind: 'array', items: str, origin }], origin }, want: '[]' },
  ];
  it.each(cases)('$given', ({ schema, schemas = [], want }) => {
    expect(exampleValue(schema, new Map(schemas.map((s) => [s.name, s])), 'hint')).toBe(want);
  });
});
