import { describe, expect, it } from 'vitest';
import { parseGlobalProperty, selectsApi } from '../../../generator/config/global-property.js';

describe('selectsApi: apis=<name> accepts the tag as written, OpenAPI Generator\'s sanitized tag, and the class name', () => {
  it.each([
    ['AgentApi', 'AgentApi', true],
    ['Agent', 'AgentApi', true],
    ['agent', 'AgentApi', true],
    ['agent runs', 'AgentRunsApi', true],
    ['agent-runs', 'AgentRunsApi', true],
    ['AgentRuns', 'AgentRunsApi', true],
    ['default', 'DefaultApi', true],
    ['Default', 'DefaultApi', true],
    ['Agents', 'AgentApi', false],
    ['AgentApiApi', 'AgentApi', false],
    ['Agent', 'AgentRunsApi', false],
    ['', 'DefaultApi', false],
  ])('%j selects %s: %s', (name, className, want) => expect(selectsApi(name, className)).toBe(want));
});

describe('parseGlobalProperty: names after = are separated by ":"', () => {
  it.each([
    ['apis=AgentApi:pets', { apis: ['AgentApi', 'pets'], apiDocs: true, modelDocs: true }],
    ['apis=Pets,models=Pet', { apis: ['Pets'], models: ['Pet'], apiDocs: true, modelDocs: true }],
    ['apis=true,apiDocs=false', { apis: true, apiDocs: false, modelDocs: true }],
  ])('%j', (given, selection) => expect(parseGlobalProperty(given)).toEqual({ selection, unknown: [] }));
});
