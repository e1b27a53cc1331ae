import { format, resolveConfig, type Options } from 'prettier';
import { join } from 'node:path';
import type { RenderedFile } from '../render/render-files.js';

/** oasgen's own defaults; a prettier config found from the output folder upwards takes precedence. */
const DEFAULTS: Options = { singleQuote: true, printWidth: 100, trailingComma: 'all', proseWrap: 'preserve' };

/** Formats TypeScript and markdown with prettier's API, once per file. */
export async function formatFiles(files: RenderedFile[], outputDir: string): Promise<RenderedFile[]> {
  const user = (await resolveConfig(join(outputDir, 'index.ts'), { editorconfig: false })) ?? {};
  const options = { ...DEFAULTS, ...user };
  return Promise.all(
    files.map(async (file) => {
      const parser = file.path.endsWith('.ts') ? 'typescript' : file.path.endsWith('.md') ? 'markdown' : file.path.endsWith('.json') ? 'json' : undefined;
      if (!parser) return file;
      return { path: file.path, content: await format(file.content, { ...options, parser, filepath: file.path }) };
    }),
  );
}
