// Baseline (b) of the benchmark: bare remark-parse over a list of files, in one process; with
// --gfm, remark-parse + remark-gfm as Proofmark's core parses (to show what GFM itself costs).
// Plain ESM run by plain node, so the baseline pays no TypeScript loader start-up.
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter((line) => line.length > 0);
const processor = process.argv.includes('--gfm') ? unified().use(remarkParse).use(remarkGfm) : unified().use(remarkParse);
const started = performance.now();
let nodes = 0;
for (const file of files) nodes += processor.parse(readFileSync(file, 'utf8')).children.length;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ ms: Math.round(performance.now() - started), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), maxRssKb: usage.maxRSS, nodes })}\n`);
