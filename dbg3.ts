import { readFileSync } from 'node:fs';
import { analyzeText } from './server/src/core/analyze/document';
import { DEFAULT_CONFIG } from './server/src/core/config/config';
const [file, line] = [process.argv[2] ?? '', Number(process.argv[3])];
const out = analyzeText(file.split('/').slice(-1)[0] ?? '', readFileSync(file, 'utf8'), DEFAULT_CONFIG);
if ('model' in out) {
  const m = out.model;
  for (const c of m.claims) if (!line || c.line === line) { console.log(JSON.stringify({ ...c, evidence: c.evidence.map((i) => m.evidence[i]) })); }
}
