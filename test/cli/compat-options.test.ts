import { describe, expect, it } from 'vitest';
import { applyAdditionalProperties, parseAdditionalProperties } from '../../generator/config/additional-properties.js';
import { parseGlobalProperty } from '../../generator/config/global-property.js';
import { shortDiff } from '../../generator/emit/check-diff.js';

describe('parseAdditionalProperties', () => {
  it.each([
    ['npmName=@acme/x,npmVersion=1.0.0', { npmName: '@acme/x', npmVersion: '1.0.0' }],
    ['supportsES6', { supportsES6: 'true' }],
    ['npmName="quoted", withInterfaces=true ,', { npmName: 'quoted', withInterfaces: 'true' }],
    ['', {}],
  ])('%j', (given, want) => expect(parseAdditionalProperties(given)).toEqual(want));
});

describe('applyAdditionalProperties', () => {
  it.each([
    [{ npmName: 'x', supportsES6: 'true', modelPropertyNaming: 'original' }, ['npm-package'], []],
    [{ supportsES6: 'false' }, [], ['additional property supportsES6=false is ignored: oasgen always generates as supportsES6=true']],
    [{ npmVersion: '2.0.0' }, [], ['additional property npmVersion is ignored without npmName']],
    [{ withInterfaces: true }, [], ['additional property withInterfaces is ignored: it does not apply to oasgen']],
  ])('%j', (given, plugins, warnings) => {
    const applied = applyAdditionalProperties(given);
    expect(applied.plugins.map((p) => p.name)).toEqual(plugins);
    expect(applied.warnings).toEqual(warnings);
  });
});

describe('parseGlobalProperty', () => {
  it.each([
    ['apis,models,apiDocs=false,modelDocs=false', { apis: true, models: true, apiDocs: false, modelDocs: false }, []],
    ['models=Pet:Owner,supportingFiles', { models: ['Pet', 'Owner'], supportingFiles: true, apiDocs: true, modelDocs: true }, []],
    ['models=,debugModels', { models: true, apiDocs: true, modelDocs: true }, ['debugModels']],
    ['apis=false', { apiDocs: true, modelDocs: true }, []],
  ])('%j', (given, selection, unknown) => expect(parseGlobalProperty(given)).toEqual({ selection, unknown }));
});

describe('shortDiff', () => {
  it('is a unified diff with a/ and b/ names, cut after 40 lines', () => {
    expect(shortDiff('x.ts', 'a\nb\nc\n', 'a\nB\nc\n')).toBe('--- a/x.ts\n+++ b/x.ts\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
    const long = shortDiff('y.ts', '', Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n'));
    expect(long.split('\n').length).toBe(42);
    expect(long).toMatch(/\.\.\. \d+ more diff lines\n$/);
  });
});
