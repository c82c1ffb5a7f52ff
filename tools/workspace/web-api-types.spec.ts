import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The web apps use the API's request and response types from @gongkai/contracts only (DESIGN.md:
 * React apps use these types only). Two checks over apps/admin/src and apps/publisher/src:
 *
 * 1. Every API call `client.get|post|put|patch|delete<T>(…)` names T from @gongkai/contracts
 *    (`Page<CaseListItem>`, `ApprovalItem[]`, `unknown` are fine): an inline `{ … }` or a type
 *    declared in the app is a hand-typed response shape.
 * 2. No interface or type alias named like an API shape (…Response, …Page, …View, …Item,
 *    …Verification, …Receipt) is declared in the apps.
 */
const root = path.join(__dirname, '..', '..');
const WEB_SOURCES = ['apps/admin/src', 'apps/publisher/src'];
const API_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
// UI-only types (a table row, a menu entry) are named freely; these suffixes mean an API shape.
const SHAPE_NAME = /.(Response|Page|View|Item|Verification|Receipt)$/;
const BUILTIN_TYPES = new Set(['Record', 'Array', 'ReadonlyArray', 'Partial']);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/** What a file does that counts as a hand-typed API shape, as `file: …` findings. */
export function findingsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const fromContracts = new Set<string>();
  for (const statement of source.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === '@gongkai/contracts'
    ) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) fromContracts.add(element.name.text);
      }
    }
  }
  const findings = new Set<string>();
  const checkType = (node: ts.TypeNode): void => {
    if (ts.isTypeLiteralNode(node)) {
      findings.add(`${file}: calls with an inline shape`);
      return;
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(source);
      if (!fromContracts.has(name) && !BUILTIN_TYPES.has(name)) {
        findings.add(`${file}: calls with ${name}`);
      }
      node.typeArguments?.forEach(checkType);
      return;
    }
    ts.forEachChild(node, (child) => {
      if (ts.isTypeNode(child)) checkType(child);
    });
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      API_METHODS.has(node.expression.name.text) &&
      node.typeArguments
    ) {
      node.typeArguments.forEach(checkType);
    }
    if (
      (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) &&
      SHAPE_NAME.test(node.name.text)
    ) {
      findings.add(`${file}: declares ${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...findings];
}

describe('web apps use the contracts for API shapes', () => {
  const findings = WEB_SOURCES.flatMap(sourceFiles).flatMap((file) =>
    findingsOf(file, readFileSync(path.join(root, file), 'utf8')),
  );

  it('declares no API response shape and calls the API with no hand-typed one', () => {
    expect(findings).toEqual([]);
  });

  it.each([
    [
      'an inline response',
      "client.get<{ total: number }>('/x');",
      ['f.ts: calls with an inline shape'],
    ],
    [
      'a local interface',
      "interface NotificationPage { unread: number }\nclient.get<NotificationPage>('/n');",
      ['f.ts: calls with NotificationPage', 'f.ts: declares NotificationPage'],
    ],
    [
      'a contracts type',
      "import type { NotificationPage } from '@gongkai/contracts';\nclient.get<NotificationPage>('/n');",
      [],
    ],
    [
      'a page of contracts items',
      "import type { Page, CaseListItem } from '@gongkai/contracts';\nclient.get<Page<CaseListItem>>('/c');",
      [],
    ],
    [
      'a list of a local type',
      "import type { Page } from '@gongkai/contracts';\ntype Mine = { a: 1 };\nclient.get<Page<Mine>[]>('/c');",
      ['f.ts: calls with Mine'],
    ],
  ])('recognises %s', (_label, code, expected) => {
    expect(findingsOf('f.ts', code).sort()).toEqual([...expected].sort());
  });
});
