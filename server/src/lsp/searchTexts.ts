import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DocumentModel } from '../core/model/document';
import type { SearchTextSource } from '../core/project/searchTexts';

/**
 * The search texts of indexed models, compressed beside them. A model's `searchText` (its
 * lower-cased text, where KPI labels are looked up) is the largest part of an index and is read
 * only when a KPI label is searched for the first time in a document (rules/coverage.ts keeps
 * what it found). On the generated 10,000 files they were 73 MB of the 238 MB of models, 14 MB
 * compressed. The text is Latin-1 by construction (`searchable` blanks every other character),
 * so it is stored as bytes and read back exactly. Keyed by the model: a replaced model takes its
 * text with it.
 */
const held = new WeakMap<DocumentModel, string>();

/** The model to keep, with its search text set aside (the model itself when it has none). */
export function setAsideSearchText(model: DocumentModel): DocumentModel {
  if (model.searchText === '') return model;
  const kept: DocumentModel = { ...model, searchText: '' };
  // As a Latin-1 string of the compressed bytes: a buffer from zlib is a view of its 16 KB output
  // chunk, which it would keep alive whole.
  held.set(kept, deflateRawSync(Buffer.from(model.searchText, 'latin1')).toString('latin1'));
  return kept;
}

/** The search text set aside for a model; undefined when it holds its own. */
export const heldSearchText: SearchTextSource = (model) => {
  const bytes = held.get(model);
  return bytes === undefined ? undefined : inflateRawSync(Buffer.from(bytes, 'latin1')).toString('latin1');
};

/** The compressed search text set aside for a model, as base64 (what the model cache stores beside it); undefined when it holds its own. */
export function heldSearchBytes(model: DocumentModel): string | undefined {
  const bytes = held.get(model);
  return bytes === undefined ? undefined : Buffer.from(bytes, 'latin1').toString('base64');
}

/** Sets aside, for a model read from the model cache with its search text blanked, the compressed text stored beside it. */
export function holdSearchBytes(model: DocumentModel, base64: string): void {
  if (model.searchText === '') held.set(model, Buffer.from(base64, 'base64').toString('latin1'));
}
