import { readFile } from 'node:fs/promises';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { templateHelpers } from '../../generator/render/helpers.js';

const SOURCES = ['generator/plan/render-plan.ts', 'generator/plan/doc-views.ts', 'generator/plugins/extra-files.ts'];

describe('templates/README.md, the template contract', () => {
  it('documents every view model, every field of each, and every built-in helper', async () => {
    const readme = await readFile('templates/README.md', 'utf8');
    const project = new Project({ skipAddingFilesFromTsConfig: true });
    const undocumented: string[] = [];
    for (const file of SOURCES.map((s) => project.addSourceFileAtPath(s))) {
      for (const view of file.getInterfaces().filter((i) => /View$/.test(i.getName()))) {
        if (!readme.includes(view.getName())) undocumented.push(view.getName());
        for (const property of view.getProperties()) if (!readme.includes(`\`${property.getName()}\``)) undocumented.push(`${view.getName()}.${property.getName()}`);
      }
    }
    for (const helper of Object.keys(templateHelpers())) if (!readme.includes(`| \`${helper}\``)) undocumented.push(`helper ${helper}`);
    expect(undocumented).toEqual([]);
  });
});
