import type { DocumentModel } from '../model/document';

/**
 * Where the rules read a model's search text when its holder keeps it outside the model: the
 * language server keeps the search texts of the documents it indexed compressed beside their models
 * (lsp/searchTexts.ts) and leaves `searchText` empty in the model. Undefined for a model whose text
 * was not set aside: its own `searchText` is the one.
 */
export type SearchTextSource = (model: DocumentModel) => string | undefined;
