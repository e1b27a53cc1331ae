import type { ApiModel } from '../normalize/api-model.js';
import type { RenderedFile } from '../render/render-files.js';
import { PluginError, type OasgenPlugin } from './plugin.js';

async function guarded<T>(plugin: OasgenPlugin, hook: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PluginError) throw error;
    throw new PluginError(plugin.name, hook, error);
  }
}

/** Runs every `transformModel` hook in order, each on the previous one's result. */
export async function transformModel(model: ApiModel, plugins: readonly OasgenPlugin[]): Promise<ApiModel> {
  let current = model;
  for (const plugin of plugins) {
    if (!plugin.transformModel) continue;
    const hook = plugin.transformModel.bind(plugin);
    current = (await guarded(plugin, 'transformModel', () => hook(current))) ?? current;
  }
  return current;
}

/** Collects the files every `files` hook adds; a path already generated is an error, not a silent overwrite. */
export async function pluginFiles(model: ApiModel, plugins: readonly OasgenPlugin[], taken: ReadonlySet<string>): Promise<RenderedFile[]> {
  const added: RenderedFile[] = [];
  for (const plugin of plugins) {
    if (!plugin.files) continue;
    const hook = plugin.files.bind(plugin);
    for (const file of await guarded(plugin, 'files', () => hook({ model }))) {
      if (taken.has(file.path) || added.some((f) => f.path === file.path)) throw new PluginError(plugin.name, 'files', `"${file.path}" is already generated`);
      added.push(file);
    }
  }
  return added;
}

/**
 * Gives the `afterRender` hooks an in-memory ts-morph project holding every rendered `.ts` file at
 * `/client/<path>`, then reads the edited text back. The postprocess stage type-checks the result,
 * so an edit that breaks the client fails generation.
 */
export async function afterRender(files: RenderedFile[], plugins: readonly OasgenPlugin[]): Promise<RenderedFile[]> {
  const hooked = plugins.filter((p) => p.afterRender);
  if (hooked.length === 0) return files;
  // Loaded only when a plugin needs it: importing ts-morph costs ~1 s (issue 7).
  const { Project } = await import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  for (const file of files) if (file.path.endsWith('.ts')) project.createSourceFile(`/client/${file.path}`, file.content);
  for (const plugin of hooked) await guarded(plugin, 'afterRender', () => plugin.afterRender!({ project }));
  const edited = files.map((file) => (file.path.endsWith('.ts') ? { path: file.path, content: project.getSourceFileOrThrow(`/client/${file.path}`).getFullText() } : file));
  const known = new Set(files.map((f) => `/client/${f.path}`));
  const created = project.getSourceFiles().filter((s) => !known.has(s.getFilePath()) && s.getFilePath().startsWith('/client/'));
  return [...edited, ...created.map((s) => ({ path: s.getFilePath().slice('/client/'.length), content: s.getFullText() }))];
}
