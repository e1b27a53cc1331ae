/**
 * The error of a template that failed, in a module of its own: the CLI and plugins name it without
 * loading Handlebars, which a run served from the cache never needs.
 */

/** A template failed: names the template file and, where Handlebars knows it, the line. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly output: string,
    readonly reason: string,
  ) {
    const message = reason.replace(' in [object Object]', '');
    // Handlebars appends " - line:column" to strict-mode errors; put it after the file name.
    const at = / - (\d+):(\d+)$/.exec(message);
    super(at ? `${file}:${at[1]}:${Number(at[2]) + 1}: ${message.slice(0, at.index)} (while rendering ${output})` : `${file}: ${message} (while rendering ${output})`);
    this.name = 'TemplateError';
  }
}
