import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse, print, validate, buildSchema, type DocumentNode } from 'graphql';
import ts from 'typescript';
import { projectRoot } from '../../services/core/config';

/**
 * What a front-end team does first: GraphQL Code Generator (`typescript`, `typescript-operations`)
 * on schema/api.graphql with the operations they will send — here every operation the README
 * shows — and a strict TypeScript compile of what it wrote.
 */
const root = projectRoot();
const apiSdl = readFileSync(resolve(root, 'schema/api.graphql'), 'utf8');

/** Every ```graphql block of the README, as one document each. */
function readmeOperations(): { name: string; document: DocumentNode }[] {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.map((text, index) => ({ name: `README block ${index + 1}`, document: parse(text) }));
}

describe('GraphQL Code Generator on schema/api.graphql', () => {
  const schema = buildSchema(apiSdl);
  const operations = readmeOperations();

  it('finds the README operations, and each is valid against the public API schema', () => {
    expect(operations.length).toBeGreaterThanOrEqual(4);
    for (const { name, document } of operations) {
      const anonymous = document.definitions.filter((definition) => definition.kind === 'OperationDefinition' && !definition.name).length;
      // The generator types each operation by its name: every README operation must have one.
      expect({ name, errors: validate(schema, document).map((error) => error.message), anonymous }).toEqual({ name, errors: [], anonymous: 0 });
    }
  });

  it('generates types for them with the graphql-codegen command, and they compile under strict TypeScript', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hub-codegen-'));
    operations.forEach(({ document }, index) => writeFileSync(join(folder, `readme-${index + 1}.graphql`), print(document)));
    // The configuration a front-end team writes (codegen.json), pointed at the checked-in schema:
    // the schema's types (`typescript`) and the operations' own (`typescript-operations`, which in
    // its version 6 declares the enums and inputs it uses itself), one module each.
    const types = join(folder, 'schema-types.ts');
    const file = join(folder, 'operations.ts');
    const config = {
      schema: resolve(root, 'schema/api.graphql'),
      documents: join(folder, '*.graphql'),
      config: { enumsAsTypes: true, strictScalars: true, scalars: { LocalDate: 'string', DateTime: 'string', PersistedDocumentManifest: 'Record<string, string>' } },
      generates: { [types]: { plugins: ['typescript'] }, [file]: { plugins: ['typescript-operations'] } },
    };
    writeFileSync(join(folder, 'codegen.json'), JSON.stringify(config));
    const cli = resolve(root, 'node_modules/@graphql-codegen/cli/esm/bin.js');
    try {
      execFileSync(process.execPath, [cli, '--config', join(folder, 'codegen.json')], { cwd: root, stdio: 'pipe', timeout: 120_000 });
    } catch (error) {
      const { message, stdout, stderr } = error as { message: string; stdout?: Buffer; stderr?: Buffer };
      throw new Error(`graphql-codegen failed: ${message}\n${stdout}\n${stderr}`);
    }
    const output = readFileSync(file, 'utf8');
    expect(readFileSync(types, 'utf8')).toContain('export type AdministrativeUnit = {');
    // One result type per README operation: each must be named, as front ends name theirs.
    for (const { document } of operations) {
      for (const definition of document.definitions) {
        if (definition.kind !== 'OperationDefinition') continue;
        const kind = definition.operation === 'query' ? 'Query' : 'Mutation';
        expect(output).toContain(`export type ${definition.name?.value}${kind} = {`);
      }
    }
    expect(readFileSync(types, 'utf8') + output).not.toMatch(/join__|link__|_Entity|_Any/);
    const program = ts.createProgram([types, file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, skipLibCheck: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
