import { readFileSync } from 'node:fs';
import { analyzeText } from './server/src/core/analyze/document';
import { DEFAULT_CONFIG } from './server/src/core/config/config';
const file = process.argv[2] ?? '';
const out = analyzeText(file.split('/').slice(-1)[0] ?? '', readFileSync(file, 'utf8'), DEFAULT_CONFIG);
if ('model' in out) console.log(out.model.role, out.model.references.slice(0,3).map(r=>r.intent), out.model.claims.length, out.model.headings.slice(0,8).map(h=>[h.line,h.level,h.status?.status]));
