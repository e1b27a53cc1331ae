/**
 * The options the generated client is type-checked with, as tsconfig.json spells them: strict,
 * ES2022, DOM-style globals. Both checkers read them from here: the native compiler through the
 * tsconfig.json of its folder (native-check.ts), the in-process one converted by TypeScript (type-check.ts).
 */
export const CHECK_OPTIONS = {
  strict: true,
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['es2022', 'dom', 'dom.iterable', 'dom.asynciterable'],
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  types: [],
};
