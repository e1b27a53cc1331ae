import { describe, expect, it } from 'vitest';
import {
  buildQueryString,
  encodeReserved,
  expandPath,
  isJsonMediaType,
  serializeCookieParameter,
  serializeHeaderParameter,
  serializePathParameter,
  serializeQueryParameter,
  type ParameterSpec,
  type ParameterStyle,
} from '../../../templates/runtime/serialize.js';

const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

/** Path styles expand in the path; the query styles are shown with '?' as in the OAS 3.1.1 table. */
function serializeExample(style: ParameterStyle, explode: boolean, value: unknown): string {
  const param: ParameterSpec = { name: 'color', value, style, explode };
  if (style === 'simple' || style === 'label' || style === 'matrix') return serializePathParameter(param);
  return `?${buildQueryString([param])}`;
}

// OAS 3.1.1 §4.8.12.4 "Style Examples": every defined cell of the table (n/a cells are undefined behaviour).
// "empty" is the empty string; null serializes the same way.
const styleExamples: [ParameterStyle, boolean, 'empty' | 'string' | 'array' | 'object', string][] = [
  ['matrix', false, 'empty', ';color'],
  ['matrix', false, 'string', ';color=blue'],
  ['matrix', false, 'array', ';color=blue,black,brown'],
  ['matrix', false, 'object', ';color=R,100,G,200,B,150'],
  ['matrix', true, 'empty', ';color'],
  ['matrix', true, 'string', ';color=blue'],
  ['matrix', true, 'array', ';color=blue;color=black;color=brown'],
  ['matrix', true, 'object', ';R=100;G=200;B=150'],
  ['label', false, 'empty', '.'],
  ['label', false, 'string', '.blue'],
  ['label', false, 'array', '.blue,black,brown'],
  ['label', false, 'object', '.R,100,G,200,B,150'],
  ['label', true, 'empty', '.'],
  ['label', true, 'string', '.blue'],
  ['label', true, 'array', '.blue.black.brown'],
  ['label', true, 'object', '.R=100.G=200.B=150'],
  ['simple', false, 'empty', ''],
  ['simple', false, 'string', 'blue'],
  ['simple', false, 'array', 'blue,black,brown'],
  ['simple', false, 'object', 'R,100,G,200,B,150'],
  ['simple', true, 'empty', ''],
  ['simple', true, 'string', 'blue'],
  ['simple', true, 'array', 'blue,black,brown'],
  ['simple', true, 'object', 'R=100,G=200,B=150'],
  ['form', false, 'empty', '?color='],
  ['form', false, 'string', '?color=blue'],
  ['form', false, 'array', '?color=blue,black,brown'],
  ['form', false, 'object', '?color=R,100,G,200,B,150'],
  ['form', true, 'empty', '?color='],
  ['form', true, 'string', '?color=blue'],
  ['form', true, 'array', '?color=blue&color=black&color=brown'],
  ['form', true, 'object', '?R=100&G=200&B=150'],
  ['spaceDelimited', false, 'array', '?color=blue%20black%20brown'],
  ['spaceDelimited', false, 'object', '?color=R%20100%20G%20200%20B%20150'],
  ['pipeDelimited', false, 'array', '?color=blue%7Cblack%7Cbrown'],
  ['pipeDelimited', false, 'object', '?color=R%7C100%7CG%7C200%7CB%7C150'],
  ['deepObject', true, 'object', '?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150'],
];

const values = { empty: '', string, array, object };

describe('OAS 3.1.1 §4.8.12.4 Style Examples', () => {
  it.each(styleExamples)('%s explode=%s %s → %s', (style, explode, column, want) => {
    expect(serializeExample(style, explode, values[column])).toBe(want);
  });

  it.each(styleExamples.filter(([, , column]) => column === 'empty'))('%s explode=%s null → same as empty (%s)', (style, explode, _column, want) => {
    expect(serializeExample(style, explode, null)).toBe(want);
  });
});

describe('undefined values are omitted', () => {
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['empty array', []],
    ['empty object', {}],
    ['object with only undefined members', { a: undefined }],
  ];
  it.each(cases)('%s', (_name, value) => {
    expect(buildQueryString([{ name: 'q', value, style: 'form', explode: true }])).toBe('');
    expect(serializeHeaderParameter({ name: 'X-Q', value, style: 'simple', explode: false })).toBeUndefined();
    expect(serializeCookieParameter({ name: 'q', value, style: 'form', explode: true })).toEqual([]);
  });

  it('skips undefined parameters between defined ones, keeping the order given', () => {
    const params: ParameterSpec[] = [
      { name: 'b', value: 2, style: 'form', explode: true },
      { name: 'skip', value: undefined, style: 'form', explode: true },
      { name: 'a', value: 'x', style: 'form', explode: true },
    ];
    expect(buildQueryString(params)).toBe('b=2&a=x');
  });

  it('skips undefined array items and object members', () => {
    expect(buildQueryString([{ name: 'c', value: ['a', undefined, 'b'], style: 'form', explode: false }])).toBe('c=a,b');
    expect(serializePathParameter({ name: 'c', value: { a: 1, b: undefined }, style: 'simple', explode: true })).toBe('a=1');
  });
});

describe('scalars', () => {
  const cases: [string, unknown, string][] = [
    ['boolean true', true, 'true'],
    ['boolean false', false, 'false'],
    ['number', 1.5, '1.5'],
    ['zero', 0, '0'],
    ['bigint', 12345678901234567890n, '12345678901234567890'],
    ['Date', new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03%3A04%3A05.000Z'],
    ['null', null, ''],
  ];
  it.each(cases)('%s', (_name, value, want) => {
    expect(buildQueryString([{ name: 'v', value, style: 'form', explode: true }])).toBe(`v=${want}`);
  });

  it('writes nested structures as JSON', () => {
    expect(buildQueryString([{ name: 'v', value: [{ a: 1 }], style: 'form', explode: true }])).toBe('v=%7B%22a%22%3A1%7D');
  });
});

describe('percent-encoding', () => {
  it('encodes everything but RFC 3986 unreserved characters in path values, delimiters included', () => {
    expect(serializePathParameter({ name: 'p', value: "a b/c?d#e,f;g=h.i!j'k(l)m*n", style: 'simple', explode: false })).toBe(
      'a%20b%2Fc%3Fd%23e%2Cf%3Bg%3Dh.i%21j%27k%28l%29m%2An',
    );
    expect(serializePathParameter({ name: 'p', value: ['a,b', 'c'], style: 'simple', explode: false })).toBe('a%2Cb,c');
    expect(serializePathParameter({ name: 'p', value: 'é€😀', style: 'simple', explode: false })).toBe('%C3%A9%E2%82%AC%F0%9F%98%80');
  });

  it('encodes query names and values, keeping the form delimiters', () => {
    expect(buildQueryString([{ name: 'a b', value: 'x&y=z+1', style: 'form', explode: true }])).toBe('a%20b=x%26y%3Dz%2B1');
    expect(buildQueryString([{ name: 'c', value: ['x,y', 'z'], style: 'form', explode: false }])).toBe('c=x%2Cy,z');
  });

  it('keeps RFC 3986 reserved characters and percent-encoded triplets with allowReserved (but encodes #, space, %)', () => {
    const value = ":/?[]@!$&'()*+,;= #%41%zz";
    expect(buildQueryString([{ name: 'r', value, style: 'form', explode: true, allowReserved: true }])).toBe(
      "r=:/?[]@!$&'()*+,;=%20%23%41%25zz",
    );
    expect(buildQueryString([{ name: 'r', value, style: 'form', explode: true }])).toBe(
      'r=%3A%2F%3F%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%20%23%2541%25zz',
    );
    expect(encodeReserved('/a b')).toBe('/a%20b');
  });

  it('ignores allowReserved outside the query', () => {
    expect(serializePathParameter({ name: 'p', value: 'a/b', style: 'simple', explode: false, allowReserved: true })).toBe('a%2Fb');
  });
});

describe('expandPath', () => {
  it('substitutes every template expression', () => {
    const params: ParameterSpec[] = [
      { name: 'tenant', value: 'ab/c', style: 'simple', explode: false },
      { name: 'stream', value: ['x', 'y'], style: 'label', explode: true },
      { name: 'm', value: 5, style: 'matrix', explode: false },
    ];
    expect(expandPath('/t/{tenant}/s/{stream}/x{m}', params)).toBe('/t/ab%2Fc/s/.x.y/x;m=5');
  });

  it('throws on a missing path parameter instead of addressing another resource', () => {
    expect(() => expandPath('/t/{tenant}', [])).toThrow(/tenant/);
    expect(() => expandPath('/t/{tenant}', [{ name: 'tenant', value: undefined, style: 'simple', explode: false }])).toThrow(TypeError);
  });

  it('sends null as empty', () => {
    expect(expandPath('/t/{id}', [{ name: 'id', value: null, style: 'simple', explode: false }])).toBe('/t/');
  });
});

describe('query styles beyond the table', () => {
  it('explodes spaceDelimited / pipeDelimited like form', () => {
    expect(serializeQueryParameter({ name: 'c', value: array, style: 'spaceDelimited', explode: true })).toEqual(['c=blue', 'c=black', 'c=brown']);
    expect(serializeQueryParameter({ name: 'c', value: array, style: 'pipeDelimited', explode: true })).toEqual(['c=blue', 'c=black', 'c=brown']);
  });

  it('writes nested deepObject members with more brackets and repeats arrays', () => {
    expect(buildQueryString([{ name: 'f', value: { a: { b: 1 }, t: ['x', 'y'], n: null }, style: 'deepObject', explode: true }])).toBe(
      'f%5Ba%5D%5Bb%5D=1&f%5Bt%5D=x&f%5Bt%5D=y&f%5Bn%5D=',
    );
  });

  it('serializes content-encoded parameters with their media type, then percent-encodes', () => {
    const value = { lat: 1.5, long: -2 };
    expect(buildQueryString([{ name: 'coordinates', value, style: 'form', explode: true, contentType: 'application/json' }])).toBe(
      'coordinates=%7B%22lat%22%3A1.5%2C%22long%22%3A-2%7D',
    );
    expect(serializePathParameter({ name: 'p', value: 'a b', style: 'simple', explode: false, contentType: 'text/plain' })).toBe('a%20b');
    expect(serializeHeaderParameter({ name: 'X-F', value, style: 'simple', explode: false, contentType: 'application/json' })).toBe('{"lat":1.5,"long":-2}');
    expect(serializeCookieParameter({ name: 'f', value: 'a;b', style: 'form', explode: true, contentType: 'text/plain' })).toEqual(['f=a%3Bb']);
  });
});

describe('headers (simple style, not percent-encoded)', () => {
  const cases: [string, unknown, boolean, string][] = [
    ['string', 'a b,c', false, 'a b,c'],
    ['array', array, false, 'blue,black,brown'],
    ['object', object, false, 'R,100,G,200,B,150'],
    ['object exploded', object, true, 'R=100,G=200,B=150'],
    ['non-ASCII and CR/LF encoded', 'é\r\nX: y', false, '%C3%A9%0D%0AX: y'],
  ];
  it.each(cases)('%s', (_name, value, explode, want) => {
    expect(serializeHeaderParameter({ name: 'X-Color', value, style: 'simple', explode })).toBe(want);
  });
});

describe('cookies (form style)', () => {
  const cases: [string, unknown, boolean, string[]][] = [
    ['string', 'blue', true, ['color=blue']],
    ['array', array, false, ['color=blue,black,brown']],
    ['array exploded', array, true, ['color=blue', 'color=black', 'color=brown']],
    ['object', object, false, ['color=R,100,G,200,B,150']],
    ['object exploded', object, true, ['R=100', 'G=200', 'B=150']],
    ['value outside cookie-octet encoded', 'a b;c"', true, ['color=a%20b%3Bc%22']],
  ];
  it.each(cases)('%s', (_name, value, explode, want) => {
    expect(serializeCookieParameter({ name: 'color', value, style: 'form', explode })).toEqual(want);
  });
});

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['APPLICATION/JSON', true],
    ['application/problem+json', true],
    ['application/vnd.api+json;v=1', true],
    ['text/json', false],
    ['application/jsonl', false],
    ['text/event-stream', false],
    ['', false],
  ] as const)('%s → %s', (mediaType, want) => {
    expect(isJsonMediaType(mediaType)).toBe(want);
  });
});
