import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const INJECTION_SCOPE = 'markdown.proofmark.injection';
const MARKDOWN_SCOPE = 'text.html.markdown';

export interface ScopedToken {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let registry: Promise<textmate.Registry> | null = null;

function loadRegistry(): Promise<textmate.Registry> {
  registry ??= (async () => {
    // onig.wasm comes from node_modules, as VS Code loads it; no network.
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const grammars: Record<string, string> = {
      [MARKDOWN_SCOPE]: require.resolve('tm-grammars/grammars/markdown.json'),
      [INJECTION_SCOPE]: new URL('../../syntaxes/proofmark.injection.tmLanguage.json', import.meta.url).pathname,
    };
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        const path = grammars[scopeName];
        return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
      },
      getInjections: (scopeName) => (scopeName === MARKDOWN_SCOPE ? [INJECTION_SCOPE] : undefined),
    });
  })();
  return registry;
}

/** Tokenizes Markdown with VS Code's Markdown grammar plus the Proofmark injection; returns every token. */
export async function tokenizeMarkdown(text: string): Promise<ScopedToken[]> {
  const grammar = await (await loadRegistry()).loadGrammar(MARKDOWN_SCOPE);
  if (grammar === null) throw new Error('markdown grammar not found');
  const tokens: ScopedToken[] = [];
  let state = textmate.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) tokens.push({ line: index + 1, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

/** One line per token that carries a Proofmark scope: `L12 "FR1" entity.name.type.requirement.proofmark`. */
export function proofmarkSnapshot(tokens: readonly ScopedToken[]): string {
  return tokens
    .map((t) => ({ ...t, own: t.scopes.filter((s) => s.endsWith('.proofmark')) }))
    .filter((t) => t.own.length > 0)
    .map((t) => `L${t.line} ${JSON.stringify(t.text)} ${t.own.join(' ')}`)
    .join('\n') + '\n';
}
