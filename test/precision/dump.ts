/** Prints every finding of the built CLI on the corpora as JSON lines (for looking at what changed). */
import { checkCorpus, corpora } from './findings';

for (const corpus of corpora()) for (const f of checkCorpus(corpus)) process.stdout.write(`${JSON.stringify(f)}\n`);
