/**
 * The client generated from test/fixtures/event-streams/spec.yaml, built for running: generated in
 * memory from the current templates, each .ts file transpiled to an ES module .js file (the
 * generated imports already end in .js), written to a fresh temporary folder. Node tests import
 * its index.js; the browser test serves the folder as it is, with no bundler.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { generateInMemory } from '../helpers/generate-client.js';
import type {
  Configuration as RuntimeConfiguration,
  ConfigurationParameters,
  EventStream,
  RequestOptions,
  StreamOptions,
  TypedEvent,
} from '../../templates/runtime/runtime.js';

export const EVENT_STREAMS_SPEC = join(import.meta.dirname, '..', 'fixtures', 'event-streams', 'spec.yaml');

/** The generated model types the tests use (their generated declarations are checked by tsc in the fixture's own test). */
export interface Delta {
  index: number;
  text: string;
}
export interface Problem {
  code: number;
  message: string;
}
export interface Tick {
  symbol: string;
  price: number;
}
export type CompletionStreamEvent = TypedEvent<Delta, 'delta'> | TypedEvent<string, 'done'> | TypedEvent<Problem, 'error'>;

/** The generated EventsApi, as the fixture's own tsc check types it. */
export interface EventsApi {
  streamCompletion(params: { chat: string; body: { prompt: string } }, options?: StreamOptions): EventStream<CompletionStreamEvent>;
  tailLog(params?: Record<string, never>, options?: StreamOptions): EventStream<TypedEvent<string>>;
  watchTicker(params: { symbol: string }, options?: StreamOptions): EventStream<TypedEvent<Tick>>;
  watchTickerJson(params: { symbol: string }, options?: RequestOptions): Promise<Tick>;
}

/** The generated index.js module: its classes are not the templates' ones (instanceof needs these). */
export interface EventStreamsClient {
  Configuration: new (parameters?: ConfigurationParameters) => RuntimeConfiguration;
  EventsApi: new (configuration?: RuntimeConfiguration) => EventsApi;
  ResponseError: abstract new (...args: never[]) => Error & { status: number; body: unknown };
  ContentTypeError: abstract new (...args: never[]) => Error & { contentType: string | null };
  EventDataError: abstract new (...args: never[]) => Error & { event: { event: string; data: string; id: string } };
}

/** Generates the fixture client and writes it as ES module .js files into a new temporary folder. */
export async function buildEventStreamsClient(): Promise<string> {
  const result = await generateInMemory(EVENT_STREAMS_SPEC);
  const dir = await mkdtemp(join(tmpdir(), 'oasgen-event-streams-js-'));
  for (const file of result.files.filter((f) => f.path.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(file.content, {
      fileName: file.path,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const out = join(dir, file.path.replace(/\.ts$/, '.js'));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, outputText);
  }
  return dir;
}

/** Imports the built client's index.js. */
export async function importEventStreamsClient(dir: string): Promise<EventStreamsClient> {
  return (await import(pathToFileURL(join(dir, 'index.js')).href)) as EventStreamsClient;
}
