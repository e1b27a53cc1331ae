import type { ApiModel } from '../normalize/api-model.js';
import type { OasgenPlugin } from '../plugins/plugin.js';

/**
 * OpenAPI Generator's `--additional-properties` as oasgen reads them (typescript-fetch names).
 * Only the ones that change oasgen's output are applied; the rest are reported as ignored.
 */
export type AdditionalProperties = Record<string, string | boolean | number>;

/** Keys that are accepted because oasgen already behaves as the given value asks. */
const ALREADY: Record<string, string> = {
  supportsES6: 'true',
  modelPropertyNaming: 'original',
  useSingleRequestParameter: 'true',
  withoutRuntimeChecks: 'true',
  stringEnums: 'false',
  importFileExtension: '.js',
};

/** Parses `npmName=@acme/client,npmVersion=1.2.0,supportsES6=true` (values may be quoted). */
export function parseAdditionalProperties(text: string): AdditionalProperties {
  const props: AdditionalProperties = {};
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    const key = at < 0 ? entry : entry.slice(0, at);
    const value = at < 0 ? 'true' : entry.slice(at + 1).replace(/^(["'])(.*)\1$/, '$2');
    props[key.trim()] = value;
  }
  return props;
}

/** Turns the properties into plugins (the npm package files) and warnings for what is ignored. */
export function applyAdditionalProperties(props: AdditionalProperties): { plugins: OasgenPlugin[]; warnings: string[] } {
  const warnings: string[] = [];
  for (const [key, raw] of Object.entries(props)) {
    const value = String(raw);
    if (key === 'npmName' || key === 'npmVersion' || key === 'npmRepository') continue;
    if (key in ALREADY) {
      if (value !== ALREADY[key]) warnings.push(`additional property ${key}=${value} is ignored: oasgen always generates as ${key}=${ALREADY[key]}`);
    } else warnings.push(`additional property ${key} is ignored: it does not apply to oasgen`);
  }
  if (props.npmVersion !== undefined && props.npmName === undefined) warnings.push('additional property npmVersion is ignored without npmName');
  const plugins = props.npmName === undefined ? [] : [npmPackagePlugin(String(props.npmName), props.npmVersion === undefined ? undefined : String(props.npmVersion), props.npmRepository === undefined ? undefined : String(props.npmRepository))];
  return { plugins, warnings };
}

/** With `npmName`, the client is a publishable package: package.json and tsconfig.json (as typescript-fetch does). */
function npmPackagePlugin(name: string, version: string | undefined, registry: string | undefined): OasgenPlugin {
  return {
    name: 'npm-package',
    files: ({ model }: { model: ApiModel }) => [
      { path: 'package.json', content: JSON.stringify(packageJson(name, version ?? '1.0.0', model.info.title, registry), null, 2) + '\n' },
      { path: 'tsconfig.json', content: JSON.stringify(TSCONFIG, null, 2) + '\n' },
    ],
  };
}

function packageJson(name: string, version: string, description: string, registry: string | undefined): Record<string, unknown> {
  return {
    name,
    version,
    description,
    type: 'module',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } },
    files: ['dist'],
    scripts: { build: 'tsc', prepare: 'npm run build' },
    devDependencies: { typescript: '^5.0.0' },
    ...(registry ? { publishConfig: { registry } } : {}),
  };
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM', 'DOM.Iterable', 'DOM.AsyncIterable'],
    strict: true,
    declaration: true,
    outDir: 'dist',
    rootDir: '.',
    skipLibCheck: true,
  },
  include: ['**/*.ts'],
  exclude: ['dist', 'node_modules'],
};
