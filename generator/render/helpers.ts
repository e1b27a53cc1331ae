import type { HelperDelegate } from 'handlebars';

/**
 * The closed list of helpers templates may use. Templates do layout only, so these stay small:
 * comparison and joining. Anything that decides a name or a type belongs in the plan.
 */
export function templateHelpers(): Record<string, HelperDelegate> {
  return {
    eq(this: unknown, a: unknown, b: unknown, options: Handlebars.HelperOptions) {
      return a === b ? options.fn(this) : options.inverse(this);
    },
    join(list: unknown, separator: unknown) {
      return Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : '';
    },
  };
}
