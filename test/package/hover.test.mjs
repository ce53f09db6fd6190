// Docs where the types are: what an editor shows on hover, read through the TypeScript language
// service from the packed package (npm pack, unpacked into a scratch node_modules). Every member of
// the public interfaces, every field of the options and payloads, every error code and every export
// of each subpath must show a description and an `@example`; methods that can fail also list their
// error codes (`@throws`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ohos-ws-hover-'));
const pkg = JSON.parse(execFileSync('cat', [join(root, 'package.json')], { encoding: 'utf8' }));

/** The subpaths users import (not the raw transports, documented by their own files). */
const SUBPATHS = Object.keys(pkg.exports).filter((s) => s !== './package.json').map((s) => (s === '.' ? pkg.name : `${pkg.name}/${s.slice(2)}`));
/** The interfaces of `webSocket.*` whose every member must be documented. */
const INTERFACES = ['WebSocket', 'WebSocketServer', 'WebSocketRequestOptions', 'WebSocketCloseOptions', 'CloseResult', 'OpenResult',
  'WebSocketOpenInfo', 'HttpProxy', 'ClientCert', 'WebSocketServerConfig', 'ServerCert', 'WebSocketConnection', 'WebSocketMessage'];
/** Methods that cannot fail, so have no error codes to list. */
const CANNOT_FAIL = new Set(['listAllConnections', 'createWebSocket', 'createWebSocketServer', 'setTransport']);

let service;
const files = new Map();
const FILE = join(dir, 'hover.ts');

before(() => {
  const tgz = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1);
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, pkg.name), { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, tgz), '-C', join(modules, pkg.name), '--strip-components=1']);
  // The package's own dependencies (and @types) from the repository, as an install would provide.
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== pkg.name && !name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, types: ['node'], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
  const host = {
    getScriptFileNames: () => [...files.keys()],
    getScriptVersion: (f) => String(files.get(f)?.version ?? 0),
    getScriptSnapshot: (f) => (files.has(f) ? ts.ScriptSnapshot.fromString(files.get(f).text) : ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)) : undefined),
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => files.has(f) || ts.sys.fileExists(f),
    readFile: (f) => files.get(f)?.text ?? ts.sys.readFile(f),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  service = ts.createLanguageService(host, ts.createDocumentRegistry());
});
after(() => rmSync(dir, { recursive: true, force: true }));

function setSource(text) {
  files.set(FILE, { text, version: (files.get(FILE)?.version ?? 0) + 1 });
}

/** The hover of the identifier ending at each `/*@*\/` marker: [label, documentation, tags]. */
function hovers(text, skipTypeOnly = false) {
  const out = [];
  const clean = text.replace(/\/\*@([^*]*)\*\//g, '');
  setSource(clean);
  let offset = 0;
  for (const m of text.matchAll(/\/\*@([^*]*)\*\//g)) {
    const pos = m.index - offset - 1;
    offset += m[0].length;
    const info = service.getQuickInfoAtPosition(FILE, pos);
    out.push({
      line: clean.slice(0, pos).split('\n').length - 1,
      label: m[1],
      doc: ts.displayPartsToString(info?.documentation ?? []).trim(),
      tags: (info?.tags ?? []).map((t) => t.name),
      kind: info?.kind,
    });
  }
  const diagnostics = service.getSemanticDiagnostics(FILE);
  if (skipTypeOnly) {
    // `export type *` re-exports values as types only: nothing a user can hover as a value.
    const lines = new Set(diagnostics.map((d) => d.file.getLineAndCharacterOfPosition(d.start).line));
    return out.filter((h) => !lines.has(h.line));
  }
  const errors = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(errors, [], 'the generated probe file must type-check');
  return out;
}

const undocumented = (list, needThrows = () => false) =>
  list.filter((h) => !h.doc || !h.tags.includes('example') || (needThrows(h) && !h.tags.includes('throws'))).map((h) => `${h.label} (${h.doc ? '' : 'no description, '}tags: ${h.tags.join(',') || 'none'})`);

/** The members of `webSocket.<name>` (and their call signatures' first string-literal argument). */
function membersOf(typeText) {
  setSource(`import { webSocket } from '${pkg.name}';\nexport declare const probe: ${typeText};\n`);
  const program = service.getProgram();
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(FILE);
  const decl = source.statements.at(-1).declarationList.declarations[0];
  const type = checker.getTypeAtLocation(decl.name);
  return checker.getPropertiesOfType(type).map((p) => {
    const t = checker.getTypeOfSymbolAtLocation(p, decl);
    const events = t.getCallSignatures().map((s) => {
      const first = s.parameters[0] && checker.getTypeOfSymbolAtLocation(s.parameters[0], decl);
      return first?.isStringLiteral() ? first.value : undefined;
    });
    return { name: p.name, method: t.getCallSignatures().length > 0, events: events.filter((e) => e !== undefined) };
  });
}

test('every member of the public interfaces shows a description, its error codes and an example on hover', () => {
  let text = `import { webSocket } from '${pkg.name}';\n`;
  const seen = [];
  for (const name of INTERFACES) {
    const members = membersOf(`webSocket.${name}`);
    assert.ok(members.length > 0, name);
    text += `declare const v${name}: webSocket.${name};\n`;
    for (const m of members) {
      seen.push(`${name}.${m.name}`);
      if (m.events.length) for (const e of new Set(m.events)) text += `v${name}.${m.name}/*@${name}.${m.name}('${e}')*/('${e}' as never, (() => {}) as never);\n`;
      else text += `v${name}.${m.name}/*@${name}.${m.name}*/;\n`;
    }
  }
  assert.ok(seen.includes('WebSocket.connect') && seen.includes('WebSocketServer.listAllConnections') && seen.includes('WebSocketRequestOptions.header'));
  const methods = new Set(['method']);
  assert.deepEqual(undocumented(hovers(text), (h) => methods.has(h.kind) && !CANNOT_FAIL.has(h.label.split(/[.(]/)[1])), []);
});

test('the webSocket namespace object, ErrorCode and TlsProtocol: every member documented with an example', () => {
  let text = `import { webSocket } from '${pkg.name}';\n`;
  for (const m of membersOf('typeof webSocket')) text += `webSocket.${m.name}/*@webSocket.${m.name}*/;\n`;
  for (const m of membersOf('typeof webSocket.ErrorCode')) text += `webSocket.ErrorCode.${m.name}/*@ErrorCode.${m.name}*/;\n`;
  for (const m of membersOf('typeof webSocket.TlsProtocol')) text += `webSocket.TlsProtocol.${m.name}/*@TlsProtocol.${m.name}*/;\n`;
  const found = hovers(text);
  assert.ok(found.some((h) => h.label === 'ErrorCode.URL_ERROR'));
  assert.deepEqual(undocumented(found, (h) => h.kind === 'method' && !CANNOT_FAIL.has(h.label.split('.')[1])), []);
});

test('every export of every subpath is documented with an example', () => {
  const found = [];
  for (const spec of SUBPATHS) {
    setSource(`import * as m from '${spec}';\nexport { m };\n`);
    const program = service.getProgram();
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(FILE);
    const moduleSymbol = checker.getSymbolAtLocation(source.statements[0].moduleSpecifier);
    assert.ok(moduleSymbol, `${spec} resolves`);
    const names = checker.getExportsOfModule(moduleSymbol).filter((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s).flags : s.flags) & ts.SymbolFlags.Value && s.name !== 'default').map((s) => s.name);
    let text = `import * as m from '${spec}';\n`;
    for (const n of names) text += `m.${n}/*@${spec}#${n}*/;\n`;
    found.push(...hovers(text, true));
  }
  assert.ok(found.some((h) => h.label === `${pkg.name}#webSocket`));
  assert.deepEqual(undocumented(found), []);
});
