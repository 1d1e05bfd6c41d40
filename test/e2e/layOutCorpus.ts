/**
 * Lays out the insurance_navigator corpus (../shared/corpus beside the checkout) as its repository
 * in the empty folder given as the argument, for the editor tests' corpus run (scripts/e2e/run.sh).
 * Exits 3 with the reason when the corpus is absent: the run is then skipped, not failed.
 * Usage: node --import tsx test/e2e/layOutCorpus.ts DEST
 */
import { mkdirSync } from 'node:fs';
import { CORPUS_REPO, corpusAvailable, layOutRepository, SKIP_REASON } from '../support/corpus';

const dest = process.argv[2];
if (!dest) {
  console.error('usage: layOutCorpus.ts DEST');
  process.exit(2);
}
if (!corpusAvailable()) {
  console.log(SKIP_REASON);
  process.exit(3);
}
mkdirSync(dest, { recursive: true });
layOutRepository(CORPUS_REPO, dest);
console.log(`laid out ${CORPUS_REPO} in ${dest}`);
