import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './tempDirs';

/** The real corpus beside the project (read-only, never copied into it). */
export const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
export const CORPUS_REPO = path.join(CORPUS, 'insurance_navigator');
export const INITIATIVE_003 = 'docs/initiatives/system/upload_refactor/003';

export function corpusAvailable(): boolean {
  return existsSync(path.join(CORPUS_REPO, 'TREE.txt'));
}

export const SKIP_REASON = `the real corpus is not at ${CORPUS}; corpus tests are skipped`;

let skeleton: string | null = null;

/**
 * Lays out the corpus as the repository it came from: the real documents, and an empty file for
 * every other path TREE.txt lists, so references resolve as they did there. Built once per process.
 */
export function corpusSkeleton(): string {
  if (skeleton) return skeleton;
  // One skeleton per test process, removed when the process ends.
  const root = tempDir('proofmark-corpus-');
  const tree = readFileSync(path.join(CORPUS_REPO, 'TREE.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  for (const rel of tree) {
    if (rel.endsWith('/')) continue;
    const target = path.join(root, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    const real = path.join(CORPUS_REPO, rel);
    if (existsSync(real)) copyFileSync(real, target);
    else writeFileSync(target, '');
  }
  mkdirSync(path.join(root, '.git'), { recursive: true });
  skeleton = root;
  return root;
}

export interface ReferenceFinding {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly message: string;
}

export function referenceFindings(): ReferenceFinding[] {
  return JSON.parse(readFileSync(path.join(CORPUS, 'reference-findings-003.json'), 'utf8')) as ReferenceFinding[];
}
