import type { ClientCapabilities } from 'vscode-languageserver-protocol';

const dynamic = { dynamicRegistration: true };

/**
 * What VS Code's language client (vscode-languageclient 11) announces, trimmed of what has no
 * bearing on this server: dynamic registration nearly everywhere, pull diagnostics, workspace
 * folders, resource operations and refresh support.
 */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'], regularExpressions: { engine: 'ECMAScript', version: 'ES2020' }, markdown: { parser: 'marked', version: '1.1.0' }, staleRequestSupport: { cancel: true, retryOnContentModified: [] } },
  window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional', normalizesLineEndings: true, changeAnnotationSupport: { groupsOnLabel: true } },
    didChangeConfiguration: dynamic,
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    symbol: { ...dynamic, resolveSupport: { properties: ['location.range'] } },
    codeLens: { refreshSupport: true },
    executeCommand: dynamic,
    configuration: true,
    workspaceFolders: true,
    semanticTokens: { refreshSupport: true },
    fileOperations: { ...dynamic, didCreate: true, didRename: true, didDelete: true, willCreate: true, willRename: true, willDelete: true },
    inlineValue: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    synchronization: { ...dynamic, willSave: true, willSaveWaitUntil: true, didSave: true },
    completion: { ...dynamic, contextSupport: true, completionItem: { snippetSupport: true, commitCharactersSupport: true, documentationFormat: ['markdown', 'plaintext'], deprecatedSupport: true, preselectSupport: true, insertReplaceSupport: true, labelDetailsSupport: true }, insertTextMode: 2 },
    hover: { ...dynamic, contentFormat: ['markdown', 'plaintext'] },
    signatureHelp: dynamic,
    definition: { ...dynamic, linkSupport: true },
    references: dynamic,
    documentHighlight: dynamic,
    documentSymbol: { ...dynamic, hierarchicalDocumentSymbolSupport: true, labelSupport: true },
    codeAction: { ...dynamic, isPreferredSupport: true, disabledSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.rewrite', 'source'] } }, honorsChangeAnnotations: true },
    codeLens: dynamic,
    formatting: dynamic,
    rangeFormatting: dynamic,
    onTypeFormatting: dynamic,
    rename: { ...dynamic, prepareSupport: true, prepareSupportDefaultBehavior: 1, honorsChangeAnnotations: true },
    documentLink: { ...dynamic, tooltipSupport: true },
    typeDefinition: { ...dynamic, linkSupport: true },
    implementation: { ...dynamic, linkSupport: true },
    colorProvider: dynamic,
    foldingRange: { ...dynamic, rangeLimit: 5000, lineFoldingOnly: true },
    declaration: { ...dynamic, linkSupport: true },
    selectionRange: dynamic,
    callHierarchy: dynamic,
    semanticTokens: { ...dynamic, tokenTypes: [], tokenModifiers: [], formats: ['relative'], requests: { range: true, full: { delta: true } } },
    linkedEditingRange: dynamic,
    typeHierarchy: dynamic,
    inlineValue: dynamic,
    inlayHint: dynamic,
    diagnostic: { ...dynamic, relatedDocumentSupport: false },
  },
};

/** A client that announces nothing at all (the protocol's minimum). */
export const MINIMAL_CAPABILITIES: ClientCapabilities = {};
