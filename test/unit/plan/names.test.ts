import { describe, expect, it } from 'vitest';
import { camelCase, NameRegistry, pascalCase, propertyAccess, propertyKey, typeName } from '../../../generator/plan/names.js';

describe('camelCase (method names from operationIds)', () => {
  it.each([
    ['agent:stream', 'agentStream'],
    ['user:update:slack-oauth-start', 'userUpdateSlackOauthStart'],
    ['listPets', 'listPets'],
    ['GetUser', 'getUser'],
    ['APIToken', 'apiToken'],
    ['get_pet_by_id', 'getPetById'],
    ['2fa', '_2fa'],
  ])('%s → %s', (given, want) => expect(camelCase(given)).toBe(want));
});

describe('typeName (class and model names)', () => {
  it.each([
    ['agent', 'Agent'],
    ['API Token', 'APIToken'],
    ['APIErrors', 'APIErrors'],
    ['Error', 'ErrorModel'],
    ['Response', 'ResponseModel'],
    ['class', 'ClassModel'],
    ['pet.v1', 'PetV1'],
  ])('%s → %s', (given, want) => expect(typeName(given, 'Model')).toBe(want));

  it('pascalCase of an empty name is empty so callers fall back', () => expect(pascalCase('---')).toBe(''));
});

describe('NameRegistry', () => {
  it('de-duplicates, also ignoring case', () => {
    const registry = new NameRegistry(['Configuration']);
    expect(['Pet', 'pet', 'Pet', 'Configuration'].map((n) => registry.claim(n))).toEqual(['Pet', 'pet2', 'Pet3', 'Configuration2']);
  });
});

describe('property keys', () => {
  it.each([
    ['quick_start', 'quick_start', 'params.quick_start'],
    ['step-run', '"step-run"', 'params["step-run"]'],
    ['a"b', '"a\\"b"', 'params["a\\"b"]'],
  ])('%s', (name, key, access) => {
    expect(propertyKey(name)).toBe(key);
    expect(propertyAccess('params', name)).toBe(access);
  });
});

describe('buildNameTable', () => {
  it('puts untagged operations in DefaultApi and keeps tag class names readable', async () => {
    const { buildNameTable } = await import('../../../generator/plan/name-table.js');
    const operation = (tags: string[], operationId: string) => ({ operationId, method: 'get' as const, path: '/', tags, deprecated: false, parameters: [], responses: [], origin: '#' });
    const table = buildNameTable({
      openapi: '3.1.0', info: { title: '', version: '' }, servers: [], tags: [], schemas: [{ name: 'Error', schema: { kind: 'unknown', origin: '#' } }], securitySchemes: [], security: [],
      operations: [operation([], 'listUsers'), operation(['API Token'], 'api-token:create'), operation(['class'], 'x')],
    });
    expect([...table.apiClasses.values()]).toEqual(['APITokenApi', 'ClassApi', 'DefaultApi']);
    expect([...table.models.values()]).toEqual(['ErrorModel']);
    expect(table.operations.map((o) => [o.method, o.params, o.error])).toEqual([
      ['listUsers', 'ListUsersParams', 'ListUsersError'],
      ['apiTokenCreate', 'ApiTokenCreateParams', 'ApiTokenCreateError'],
      ['x', 'XParams', 'XError'],
    ]);
  });
});
