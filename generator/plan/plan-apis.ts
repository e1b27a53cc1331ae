import type { ApiModel, IrOperation, IrSecurityRequirement } from '../normalize/api-model.js';
import { jsdocLines } from './comments.js';
import { DEFAULT_TAG, type NameTable, type OperationNames } from './name-table.js';
import { compareText, INHERITED_NAMES, NameRegistry } from './names.js';
import { collectingScope, requestScope } from './plan-models.js';
import type { ApiView, ImportView, MethodView, OperationTypesView, PlannedFile } from './render-plan.js';
import { planParams, requestSpecLiteral, type ParamsPlan } from './request-spec.js';
import { acceptFor, bodyKinds, errorType, jsonReturnType, streamEventType, type BodyKind } from './responses.js';

const RUNTIME_VALUES = ['BaseAPI'];
const VARIANT_SUFFIX: Record<BodyKind, string> = { json: 'Json', stream: 'Stream', text: 'Text', blob: 'Blob', void: '' };

/** One file per tag: `apis/<Tag>Api.ts`, with the types of the operations it is home to. */
export function planApis(model: ApiModel, names: NameTable): PlannedFile[] {
  const knownSchemes = new Set(model.securitySchemes.map((s) => s.key));
  // The first of tags of the same name, as a search finds it.
  const descriptions = new Map([...model.tags].reverse().map((t) => [t.name, t.description]));
  // Each tag's operations in spec order, gathered once (a pass over every operation per tag took
  // 0.2 s for the synthetic spec of 10,000 operations).
  const byTag = new Map<string, number[]>();
  names.operations.forEach((opNames, index) => {
    for (const tag of new Set(opNames.tags)) {
      const indexes = byTag.get(tag);
      if (indexes) indexes.push(index);
      else byTag.set(tag, [index]);
    }
  });
  const files: PlannedFile[] = [];
  for (const [tag, className] of [...names.apiClasses].sort((a, b) => compareText(a[1], b[1]))) {
    const scope = collectingScope(names.models);
    const runtimeTypes = new Set<string>();
    // BaseAPI's members and Object.prototype's (a `toString` operation would run on `${api}`).
    const methodNames = new NameRegistry(['request', 'requestJson', 'requestText', 'requestBlob', 'requestVoid', 'requestEventStream', 'configuration', ...INHERITED_NAMES]);
    const operationTypes: OperationTypesView[] = [];
    const methods: MethodView[] = [];
    const homeImports = new Map<string, Set<string>>();
    for (const index of byTag.get(tag) ?? []) {
      const operation = model.operations[index]!;
      const opNames = names.operations[index]!;
      const home = opNames.tags[0]!;
      const params = planParams(operation, requestScope(scope, names.requestModels));
      if (home === tag) operationTypes.push(planOperationTypes(operation, opNames, params, scope, runtimeTypes));
      else addImport(homeImports, names.apiClasses.get(home)!, [opNames.params, opNames.error]);
      const security = (operation.security ?? model.security).map((alt) => alt.filter((r) => knownSchemes.has(r.scheme)));
      methods.push(...planMethods(operation, opNames, params, { scope, runtimeTypes, methodNames, security, operationIndex: index }));
    }
    const usesSecurity = methods.some((m) => m.requestSpec.includes('securitySchemes'));
    const view: ApiView = {
      className,
      doc: jsdocLines(descriptions.get(tag) ?? (tag === DEFAULT_TAG ? undefined : tag)),
      imports: apiImports(scope.used, runtimeTypes, homeImports, usesSecurity),
      operationTypes,
      methods,
    };
    files.push({ path: `apis/${className}.ts`, template: 'api', view });
  }
  return files;
}

function planOperationTypes(
  operation: IrOperation,
  opNames: OperationNames,
  params: ParamsPlan,
  scope: ReturnType<typeof collectingScope>,
  runtimeTypes: Set<string>,
): OperationTypesView {
  runtimeTypes.add('ResponseError');
  return {
    paramsName: opNames.params,
    paramsDoc: jsdocLines(
      `Parameters of \`${opNames.method}\`.`,
      params.contentTypeKey !== undefined ? `\`${params.contentTypeKey}\` picks the media type the body is sent as (default \`${params.bodyVariants[0]!.mediaType}\`); the body's type follows it.` : undefined,
    ),
    paramsMembers: params.members,
    paramsAlternatives: params.bodyAlternatives,
    errorName: opNames.error,
    errorType: errorType(operation.responses, scope),
  };
}

interface MethodContext {
  scope: ReturnType<typeof collectingScope>;
  runtimeTypes: Set<string>;
  methodNames: NameRegistry;
  security: IrSecurityRequirement[][];
  operationIndex: number;
}

/** The primary method and, for an operation answering a stream and JSON, the other variant. */
function planMethods(operation: IrOperation, opNames: OperationNames, params: ParamsPlan, ctx: MethodContext): MethodView[] {
  const kinds = bodyKinds(operation.responses);
  return kinds.map((kind, i) => {
    const name = ctx.methodNames.claim(i === 0 ? opNames.method : `${opNames.method}${VARIANT_SUFFIX[kind]}`);
    const accept = acceptFor(operation.responses, kind);
    const requestSpec = requestSpecLiteral(operation, params, { accept, security: ctx.security });
    const { returnType, call, dataFormat } = returnShape(operation, kind, ctx);
    const variantNote = kinds.length > 1 ? variantDoc(kind, kinds, opNames.method, i) : undefined;
    const doc = jsdocLines(operation.summary, operation.description, variantNote);
    if (operation.deprecated) doc.push('@deprecated');
    doc.push(`@throws {${opNames.error}} when the server answers with a non-2xx status`);
    ctx.runtimeTypes.add(kind === 'stream' ? 'StreamOptions' : 'RequestOptions');
    return {
      name,
      doc,
      paramsType: opNames.params,
      paramsOptional: !params.anyRequired,
      optionsType: kind === 'stream' ? 'StreamOptions' : 'RequestOptions',
      returnType,
      call,
      requestSpec,
      dataFormat,
      kind,
      operationIndex: ctx.operationIndex,
    };
  });
}

function returnShape(operation: IrOperation, kind: BodyKind, ctx: MethodContext): { returnType: string; call: string; dataFormat: string } {
  switch (kind) {
    case 'stream': {
      ctx.runtimeTypes.add('EventStream').add('TypedEvent');
      const { type, dataFormat } = streamEventType(operation.responses, ctx.scope);
      return { returnType: `EventStream<${type}>`, call: `requestEventStream<${type}>`, dataFormat };
    }
    case 'json': {
      const type = jsonReturnType(operation.responses, ctx.scope);
      return { returnType: `Promise<${type}>`, call: `requestJson<${type}>`, dataFormat: '' };
    }
    case 'text':
      return { returnType: 'Promise<string>', call: 'requestText', dataFormat: '' };
    case 'blob':
      return { returnType: 'Promise<Blob>', call: 'requestBlob', dataFormat: '' };
    case 'void':
      return { returnType: 'Promise<void>', call: 'requestVoid', dataFormat: '' };
  }
}

function variantDoc(kind: BodyKind, kinds: BodyKind[], method: string, index: number): string {
  const other = kinds[index === 0 ? 1 : 0]!;
  const otherName = index === 0 ? `${method}${VARIANT_SUFFIX[other]}` : method;
  const what = kind === 'stream' ? 'Streams the answer as server-sent events (`Accept: text/event-stream`)' : `Reads the answer as ${kind === 'json' ? 'one JSON value' : kind}`;
  return `${what}; \`${otherName}()\` ${other === 'stream' ? 'streams it instead' : 'reads it as one JSON value instead'}.`;
}

function addImport(imports: Map<string, Set<string>>, className: string, names: string[]): void {
  const set = imports.get(className) ?? new Set<string>();
  names.forEach((n) => set.add(n));
  imports.set(className, set);
}

function apiImports(models: Set<string>, runtimeTypes: Set<string>, homeImports: Map<string, Set<string>>, usesSecurity: boolean): ImportView[] {
  const imports: ImportView[] = [
    { from: '../runtime/runtime.js', names: RUNTIME_VALUES, typeOnly: false },
    { from: '../runtime/runtime.js', names: [...runtimeTypes, 'Configuration'].sort(), typeOnly: true },
    { from: '../servers.js', names: ['BASE_PATH'], typeOnly: false },
  ];
  if (usesSecurity) imports.push({ from: '../security.js', names: ['securitySchemes'], typeOnly: false });
  for (const [className, names] of [...homeImports].sort((a, b) => compareText(a[0], b[0]))) imports.push({ from: `./${className}.js`, names: [...names].sort(), typeOnly: true });
  for (const model of [...models].sort()) imports.push({ from: `../models/${model}.js`, names: [model], typeOnly: true });
  return imports.filter((i) => i.names.length > 0);
}
