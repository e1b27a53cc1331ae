import { describe, expect, it } from 'vitest';
import type { IrSchema, NamedSchema } from '../../../generator/normalize/api-model.js';
import { schemasWithRequestVariant } from '../../../generator/plan/read-write-only.js';
import { printType, type TypeScope } from '../../../generator/plan/type-printer.js';

const o = '#';
const str: IrSchema = { kind: 'primitive', type: 'string', origin: o };
const ref = (name: string): IrSchema => ({ kind: 'ref', name, origin: o });
const object = (...properties: [string, IrSchema, boolean?][]): IrSchema => ({
  kind: 'object',
  origin: o,
  properties: properties.map(([name, schema, required]) => ({ name, schema, required: required ?? true })),
});
const scope = (direction: 'request' | 'response' | undefined): TypeScope => ({
  modelName: (name) => (direction === 'request' ? `${name}Request` : name),
  use: () => undefined,
  ...(direction ? { direction } : {}),
});

describe('printType by direction', () => {
  const user = object(['id', { ...str, readOnly: true }], ['name', str], ['password', { ...str, writeOnly: true }], ['boss', ref('User'), false]);
  const cases: { direction: 'request' | 'response' | undefined; want: string }[] = [
    { direction: undefined, want: '{ id: string; name: string; boss?: User; }' },
    { direction: 'response', want: '{ id: string; name: string; boss?: User; }' },
    { direction: 'request', want: '{ name: string; password: string; boss?: UserRequest; }' },
  ];
  for (const { direction, want } of cases) {
    it(`${direction ?? 'default'}: ${want}`, () => expect(printType(user, scope(direction))).toBe(want));
  }
  it('an object left with no property is any object', () => {
    expect(printType(object(['id', { ...str, readOnly: true }]), scope('request'))).toBe('Record<string, unknown>');
  });
});

describe('schemasWithRequestVariant', () => {
  const named = (name: string, schema: IrSchema): NamedSchema => ({ name, schema });
  const cases: { given: NamedSchema[]; want: string[] }[] = [
    { given: [named('Plain', object(['a', str]))], want: [] },
    { given: [named('Pet', object(['id', { ...str, readOnly: true }]))], want: ['Pet'] },
    { given: [named('Login', object(['secret', { ...str, writeOnly: true }]))], want: ['Login'] },
    {
      // Through arrays, unions and intersections, to a fixpoint.
      given: [
        named('Order', { kind: 'array', items: ref('Line'), origin: o }),
        named('Line', { kind: 'intersection', parts: [ref('Pet'), object(['n', str])], origin: o }),
        named('Pet', object(['id', { ...str, readOnly: true }])),
        named('Other', { kind: 'union', keyword: 'oneOf', variants: [str, ref('Plain')], origin: o }),
        named('Plain', object(['a', str])),
      ],
      want: ['Line', 'Order', 'Pet'],
    },
    { given: [named('Self', object(['next', ref('Self'), false]))], want: [] },
  ];
  for (const { given, want } of cases) {
    it(`${given.map((g) => g.name).join(', ')} → [${want.join(', ')}]`, () => expect([...schemasWithRequestVariant(given)].sort()).toEqual(want));
  }
});
