import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ClientCommands, ContextKeys, TREE_VIEW_ID, VIEW_CONTAINER_ID } from '../../client/src/commandIds';
import { CLIENT_SETTING_KEYS, EDITOR_SETTING_KEYS, ENGINE_SETTING_KEYS, readEngineSettings } from '../../client/src/settings';
import { DIAGNOSTICS_SCOPES } from '../../server/src/protocol';
import { DEFAULT_SCOPE } from '../../server/src/lsp/settings';
import { DEFAULT_CONFIG, parseConfig } from '../../server/src/core/config/config';
import { DEFAULT_CONVENTIONS } from '../../server/src/core/config/conventions';
import { ALL_CODES, FINDING_CODES } from '../../server/src/core/findings/codes';
import { ServerCommands } from '../../server/src/protocol';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Command { command: string; title: string; category?: string; icon?: string }
interface MenuEntry { command: string; when?: string; group?: string }
interface Manifest {
  main: string;
  icon: string;
  activationEvents: string[];
  scripts: Record<string, string>;
  contributes: {
    commands: Command[];
    menus: Record<string, MenuEntry[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; icon?: string }[]>;
    viewsWelcome: { view: string; when?: string; contents: string }[];
    configuration: { properties: Record<string, { default?: unknown; enum?: unknown[]; properties?: Record<string, { default?: unknown }> }> };
    jsonValidation: { fileMatch: string; url: string }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes;

function clientSources(dir = join(ROOT, 'client/src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? clientSources(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
}

const sources = clientSources().join('\n');
const sorted = (values: Iterable<string>): string[] => [...values].sort();

describe('package.json commands match the code', () => {
  it('contributes exactly the commands the client registers', () => {
    assert.deepEqual(sorted(contributed.commands.map((c) => c.command)), sorted(Object.values(ClientCommands)));
  });

  it('registers every client command exactly once, by its constant', () => {
    const registered = [...sources.matchAll(/registerCommand\(\s*ClientCommands\.(\w+)/g)].map((m) => m[1] ?? '');
    assert.deepEqual(sorted(registered), sorted(Object.keys(ClientCommands)));
    assert.equal([...sources.matchAll(/registerCommand\(/g)].length, registered.length, 'every registerCommand uses a ClientCommands constant');
  });

  it('never registers or contributes the server commands (the language client registers those)', () => {
    for (const id of Object.values(ServerCommands)) {
      assert.ok(!contributed.commands.some((c) => c.command === id), `${id} is contributed`);
      assert.ok(!(Object.values(ClientCommands) as string[]).includes(id), `${id} is a client command`);
    }
  });

  it('gives every command a title and the Proofmark category', () => {
    for (const c of contributed.commands) {
      assert.ok(c.title.length > 0 && c.category === 'Proofmark', c.command);
    }
    const picker = contributed.commands.find((c) => c.command === ClientCommands.generateHandoffPicker);
    assert.equal(picker?.title, 'Generate Phase Handoff…');
  });

  it('menus name only contributed commands and known context keys', () => {
    const ids = new Set(contributed.commands.map((c) => c.command));
    const keys = new Set<string>(Object.values(ContextKeys));
    const viewItems = new Set(['proofmark.phase', 'proofmark.initiative', 'proofmark.item.open', 'proofmark.item.done']);
    for (const [menu, entries] of Object.entries(contributed.menus)) {
      for (const entry of entries) {
        assert.ok(ids.has(entry.command), `${menu}: ${entry.command}`);
        for (const key of entry.when?.match(/\bproofmark\.[\w.]+/g) ?? []) {
          if (key === TREE_VIEW_ID || viewItems.has(key)) continue;
          assert.ok(keys.has(key), `${menu}: unknown context key ${key}`);
        }
      }
    }
    for (const welcome of contributed.viewsWelcome) {
      for (const key of welcome.when?.match(/\bproofmark\.[\w.]+/g) ?? []) assert.ok(keys.has(key), key);
      for (const m of welcome.contents.matchAll(/command:([\w.]+)/g)) assert.ok(ids.has(m[1] ?? ''), m[1]);
    }
  });

  it('the view-item menus use context values the tree produces', () => {
    const produced = sources + readFileSync(join(ROOT, 'client/src/tree/buildView.ts'), 'utf8');
    for (const value of ['proofmark.phase', 'proofmark.initiative', 'proofmark.item.open', 'proofmark.item.done']) {
      assert.ok(produced.includes(`'${value}'`), value);
    }
  });
});

describe('package.json views, activation and assets', () => {
  it('contributes the Proofmark container, the completion tree and its welcome content', () => {
    assert.deepEqual(contributed.viewsContainers.activitybar.map((c) => c.id), [VIEW_CONTAINER_ID]);
    assert.deepEqual(contributed.views[VIEW_CONTAINER_ID]?.map((v) => v.id), [TREE_VIEW_ID]);
    assert.ok(sources.includes('createTreeView(TREE_VIEW_ID'));
    assert.ok(contributed.viewsWelcome.some((w) => w.view === TREE_VIEW_ID && /No initiative found/.test(w.contents)));
  });

  it('activates on Markdown and planning documents, never on *', () => {
    assert.ok(!manifest.activationEvents.includes('*') && !manifest.activationEvents.includes('onStartupFinished'));
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    assert.ok(manifest.activationEvents.some((e) => /^workspaceContains:.*TODO\*\.md$/.test(e)));
    assert.ok(manifest.activationEvents.some((e) => /^workspaceContains:.*PRD\*\.md$/.test(e)));
  });

  it('points at files that exist and an esbuild entry for main', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.match(readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8'), /extension: 'client\/src\/extension\.ts'/);
    for (const path of [manifest.icon, ...contributed.viewsContainers.activitybar.map((c) => c.icon), ...contributed.grammars.map((g) => g.path)]) {
      assert.ok(existsSync(join(ROOT, path)), path);
    }
    assert.match(manifest.icon, /\.png$/, 'the Marketplace needs a PNG icon');
  });

  it('validates .proofmark.json against the schema', () => {
    assert.deepEqual(contributed.jsonValidation, [{ fileMatch: '.proofmark.json', url: './schemas/proofmark.schema.json' }]);
  });

  it('injects the grammar into Markdown with a left-priority selector', () => {
    const [entry] = contributed.grammars;
    assert.ok(entry);
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
    const grammar = JSON.parse(readFileSync(join(ROOT, entry.path), 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(grammar.scopeName, entry.scopeName);
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
  });

  it('ships by allow-list: .vscodeignore starts with ** and re-includes the bundles', () => {
    const lines = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    for (const needed of ['!package.json', '!dist/extension.js', '!dist/server.js', '!dist/worker.js', '!media/**', '!syntaxes/**', '!schemas/**']) {
      assert.ok(lines.includes(needed), needed);
    }
    assert.ok(!lines.some((l) => l.includes('node_modules') && l.startsWith('!')));
  });

  it('has the client scripts', () => {
    assert.match(manifest.scripts.package ?? '', /vsce package --no-dependencies/);
    assert.match(manifest.scripts['test:e2e'] ?? '', /scripts\/e2e\/run\.sh/);
    assert.match(manifest.scripts['test:grammar'] ?? '', /grammar\.test\.ts/);
  });
});

describe('package.json settings mirror the engine configuration', () => {
  const properties = contributed.configuration.properties;

  it('contributes one setting per engine key, editor key and client key, plus the trace setting', () => {
    assert.deepEqual(sorted(Object.keys(properties)), sorted([...ENGINE_SETTING_KEYS.map((k) => `proofmark.${k}`), ...EDITOR_SETTING_KEYS.map((k) => `proofmark.${k}`), ...CLIENT_SETTING_KEYS.map((k) => `proofmark.${k}`), 'proofmark.trace.server']));
  });

  it('offers the diagnostics scopes the server knows, with its default', () => {
    const scope = properties['proofmark.diagnostics.scope'];
    assert.deepEqual(scope?.enum, [...DIAGNOSTICS_SCOPES]);
    assert.equal(scope?.default, DEFAULT_SCOPE);
  });

  it('lists every finding code under proofmark.severity with its default severity', () => {
    const severity = properties['proofmark.severity']?.properties ?? {};
    assert.deepEqual(sorted(Object.keys(severity)), sorted(ALL_CODES));
    for (const code of ALL_CODES) assert.equal(severity[code]?.default, FINDING_CODES[code].severity, code);
  });

  it('lists every convention under proofmark.conventions', () => {
    assert.deepEqual(sorted(Object.keys(properties['proofmark.conventions']?.properties ?? {})), sorted(Object.keys(DEFAULT_CONVENTIONS)));
  });

  it('has defaults that the engine reads as its own defaults, without a problem', () => {
    const defaults = readEngineSettings((key) => properties[`proofmark.${key}`]?.default);
    const parsed = parseConfig(defaults);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.config, DEFAULT_CONFIG);
  });
});
