import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Options } from 'prettier';
import type { RenderedFile } from '../render/render-files.js';
import { startFormatting, type FormatJob } from './format-pool.js';

/** oasgen's own defaults; a prettier config found from the output folder upwards takes precedence. */
const DEFAULTS: Options = { singleQuote: true, printWidth: 100, trailingComma: 'all', proseWrap: 'preserve' };

/** Formatted texts by `formatKey`, kept between runs by generator/cache/. */
export type FormatCache = Map<string, string>;

/** Formatting started by `startFormatFiles`: the formatted files, or a way to stop the workers. */
export interface FormattingFiles {
  files: Promise<RenderedFile[]>;
  cancel: () => Promise<void>;
}

/**
 * Formats TypeScript and markdown with prettier's API, once per file. A file whose text, options and
 * prettier version match an entry of `cache` takes the cached result; the others are formatted on
 * worker threads and added to `cache`; `used` collects the keys of this run.
 */
export async function formatFiles(files: RenderedFile[], outputDir: string, cache: FormatCache = new Map(), used = new Set<string>()): Promise<RenderedFile[]> {
  return (await startFormatFiles(files, outputDir, cache, used)).files;
}

/**
 * `formatFiles` in two steps: resolves once the workers have their files, so the caller can use the
 * main thread (for the type check) while they format.
 */
export async function startFormatFiles(files: RenderedFile[], outputDir: string, cache: FormatCache = new Map(), used = new Set<string>()): Promise<FormattingFiles> {
  const prettier = await import('prettier');
  const user = (await prettier.resolveConfig(join(outputDir, 'index.ts'), { editorconfig: false })) ?? {};
  const options: Options = { ...DEFAULTS, ...user };
  const salt = `${prettier.version}\n${JSON.stringify(options)}`;
  const pending: { index: number; key: string; job: FormatJob }[] = [];
  const result = files.map((file, index) => {
    const parser = parserOf(file.path);
    if (!parser) return file;
    const key = formatKey(salt, file);
    used.add(key);
    const cached = cache.get(key);
    if (cached !== undefined) return { path: file.path, content: cached };
    pending.push({ index, key, job: { content: file.content, options: { ...options, parser, filepath: file.path } } });
    return file;
  });
  const running = startFormatting(
    pending.map((p) => p.job),
    (job) => prettier.format(job.content, job.options),
  );
  const formatted = running.results.then((texts) => {
    pending.forEach(({ index, key }, i) => {
      cache.set(key, texts[i]!);
      result[index] = { path: files[index]!.path, content: texts[i]! };
    });
    return result;
  });
  return { files: formatted, cancel: running.cancel };
}

function parserOf(path: string): string | undefined {
  return path.endsWith('.ts') ? 'typescript' : path.endsWith('.md') ? 'markdown' : path.endsWith('.json') ? 'json' : undefined;
}

/** Identifies one formatting: prettier's version and options, the file's path and its text. */
export function formatKey(salt: string, file: RenderedFile): string {
  return createHash('sha1').update(salt).update('\0').update(file.path).update('\0').update(file.content).digest('base64url');
}
