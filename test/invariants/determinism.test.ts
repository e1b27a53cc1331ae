import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prng } from '../fuzz/prng.js';
import { generateInMemory, removeDir, writeToTemp } from '../helpers/generate-client.js';

// Output depends on the spec's content, never on the order of keys whose order carries no
// meaning, nor on the working directory. Shuffled here (no meaning: looked up by name or sorted
// by the generator): every components map, the methods of a path item, responses by status.
// Kept, because the output follows the author's order: paths (the order of methods in an API
// class and its docs, like a reference manual's chapters), properties (fields of a model),
// parameters (a method's params and docs rows), media types (the first is the default) and
// every array.
const SHARED = '../shared/specs';
const SPECS = ['spec/agent-api.yaml', `${SHARED}/gomtm.yaml`, `${SHARED}/petstore3/openapi.yaml`, `${SHARED}/readme-examples/discriminators.yaml`, `${SHARED}/readme-examples/parameters-style.yaml`];
const COMPONENT_MAPS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});


type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function shuffled(node: unknown, random: () => number): unknown {
  if (!isObject(node)) return node;
  const keys = Object.keys(node);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return Object.fromEntries(keys.map((k) => [k, node[k]]));
}

/** The spec with its meaningless key orders shuffled (see above). */
export function shuffleSpec(document: Json, seed: number): Json {
  const random = prng(seed);
  const out: Json = { ...document };
  if (isObject(out['paths'])) {
    const paths = { ...out['paths'] };
    for (const path of Object.keys(paths)) {
      const item = shuffled(paths[path], random);
      if (isObject(item)) {
        for (const method of Object.keys(item)) {
          const operation = item[method];
          if (isObject(operation) && isObject(operation['responses'])) item[method] = { ...operation, responses: shuffled(operation['responses'], random) };
        }
      }
      paths[path] = item;
    }
    out['paths'] = paths;
  }
  if (isObject(out['components'])) {
    const components = shuffled(out['components'], random) as Json;
    for (const map of COMPONENT_MAPS) if (isObject(components[map])) components[map] = shuffled(components[map], random);
    out['components'] = components;
  }
  return out;
}

async function filesOf(input: string): Promise<Map<string, string>> {
  const { files } = await generateInMemory(input);
  return new Map(files.map((f) => [f.path, f.content]));
}

// Each case also runs the generator twice (original, reordered) and compares bytes.
describe('the same spec in another key order gives byte-identical output', () => {
  it.each(SPECS)('%s', async (spec) => {
    const document = parse(await readFile(spec, 'utf8')) as Json;
    const dir = await writeToTemp([
      { path: 'original.json', content: JSON.stringify(document) },
      { path: 'shuffled.json', content: JSON.stringify(shuffleSpec(document, 1)) },
    ], 'oasgen-order-');
    dirs.push(dir);
    const shuffledText = await readFile(join(dir, 'shuffled.json'), 'utf8');
    expect(shuffledText).not.toBe(await readFile(join(dir, 'original.json'), 'utf8'));
    const [original, reordered] = [await filesOf(join(dir, 'original.json')), await filesOf(join(dir, 'shuffled.json'))];
    expect([...reordered.keys()]).toEqual([...original.keys()]);
    for (const [path, content] of original) expect(reordered.get(path), path).toBe(content);
  }, 120_000);
});

describe('the working directory does not matter', () => {
  it('the CLI run from the repo and from the temp folder writes the same files', async () => {
    const run = promisify(execFile);
    const cli = resolve('generator/cli.ts');
    const tsx = resolve('node_modules/tsx/dist/cli.mjs');
    const spec = resolve('spec/agent-api.yaml');
    const [here, there] = [await writeToTemp([], 'oasgen-cwd-a-'), await writeToTemp([], 'oasgen-cwd-b-')];
    dirs.push(here, there);
    await run(process.execPath, [tsx, cli, 'generate', '-i', 'spec/agent-api.yaml', '-o', join(here, 'client')], { cwd: process.cwd() });
    await run(process.execPath, [tsx, cli, 'generate', '-i', spec, '-o', 'client'], { cwd: there });
    const read = async (dir: string): Promise<Map<string, string>> => {
      const paths = (await readdir(join(dir, 'client'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
      return new Map(await Promise.all(paths.sort().map(async (path) => [relative(dir, path), await readFile(path, 'utf8')] as const)));
    };
    const [a, b] = [await read(here), await read(there)];
    expect(b).toEqual(a);
    expect(a.size).toBeGreaterThan(5);
  }, 120_000);
});
