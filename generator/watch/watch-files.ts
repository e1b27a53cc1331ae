import { statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Calls `onChange` (debounced) with the watched paths that changed, until `signal` aborts; `ready`
 * once the paths are watched.
 * Watches each file's folder rather than the file, because editors often save by writing a new
 * file and renaming it over the old one, which ends a watch on the file itself.
 */
export function watchFiles(
  paths: readonly string[],
  onChange: (changed: string[]) => Promise<void>,
  options: { signal: AbortSignal; debounceMs?: number; ready?: () => void },
): Promise<void> {
  const wanted = new Set(paths.map((p) => resolve(p)));
  const isFolder = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
  const folders = new Map<string, boolean>();
  for (const p of wanted) folders.set(isFolder(p) ? p : dirname(p), isFolder(p) || folders.get(dirname(p)) === true);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = (): void => {
    const changed = [...pending].sort();
    pending.clear();
    running = running.then(() => onChange(changed));
  };
  const watchers: FSWatcher[] = [...folders].map(([folder, recursive]) =>
    watch(folder, { recursive }, (_event, name) => {
      const path = name === null ? folder : resolve(folder, name.toString());
      if (!wanted.has(path) && !isInside(path, wanted)) return;
      pending.add(path);
      clearTimeout(timer);
      timer = setTimeout(flush, options.debounceMs ?? 100);
    }),
  );
  // Said only now that every folder is watched: an edit made as soon as a user (or a script) reads
  // it is seen. Said before, a spec written at once could change unseen.
  if (!options.signal.aborted) options.ready?.();
  return new Promise((done) => {
    const stop = (): void => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      void running.then(done);
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener('abort', stop, { once: true });
  });
}

/** A file inside a watched folder (a templates folder). */
function isInside(path: string, wanted: ReadonlySet<string>): boolean {
  for (const w of wanted) if (path.startsWith(w + '/')) return true;
  return false;
}
