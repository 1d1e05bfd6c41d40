// Baseline (c) of the benchmark: markdownlint's Node API with its default rules over a list of files.
import { readFileSync } from 'node:fs';
import { lint } from 'markdownlint/promise';

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter((line) => line.length > 0);
const started = performance.now();
const results = await lint({ files });
let issues = 0;
for (const list of Object.values(results)) issues += list.length;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ ms: Math.round(performance.now() - started), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), maxRssKb: usage.maxRSS, issues })}\n`);
