import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** The ten repositories of the external corpus (spec-kit, Kiro and other phase documents). */
export const EXTERNAL = path.join(CORPUS, 'external');

export function externalRepos(): string[] {
  if (!existsSync(EXTERNAL)) return [];
  return readdirSync(EXTERNAL, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(EXTERNAL, d.name, 'TREE.txt')))
    .map((d) => d.name)
    .sort();
}

const skeletons = new Map<string, string>();

/**
 * Lays out a corpus repository as the repository it came from: the real documents, and an empty
 * file for every other path its TREE.txt lists, so references resolve as they did there. Built
 * once per process and source, removed when the process ends.
 */
export function repoSkeleton(source: string): string {
  const hit = skeletons.get(source);
  if (hit) return hit;
  const root = layOutRepository(source, tempDir('proofmark-corpus-'));
  skeletons.set(source, root);
  return root;
}

/** Lays out `source` (a corpus repository with its TREE.txt) in the empty folder `root`, as repoSkeleton describes; returns `root`. */
export function layOutRepository(source: string, root: string): string {
  const tree = readFileSync(path.join(source, 'TREE.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  for (const rel of tree) {
    if (rel.endsWith('/')) continue;
    const target = path.join(root, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    const real = path.join(source, rel);
    if (existsSync(real) && statSync(real).isFile()) copyFileSync(real, target);
    else writeFileSync(target, '');
  }
  mkdirSync(path.join(root, '.git'), { recursive: true });
  return root;
}

/** The insurance_navigator corpus laid out as its repository (see repoSkeleton). */
export function corpusSkeleton(): string {
  return repoSkeleton(CORPUS_REPO);
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
