import { promises as fs, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { ProofmarkConfig } from '../core/config/config';
import type { DocumentModel } from '../core/model/document';
import { contentHash } from '../core/text/hash';
import { VERSION } from '../cli/version';
import { fileLines } from './fileLines';
import { heldSearchBytes, holdSearchBytes } from './searchTexts';

/** Bumped whenever the shape of DocumentModel changes, so an old cache is never read as a new one. */
const FORMAT = 3;

/**
 * The version stamp: package version plus a hash of the running bundle, because the version in
 * package.json stays the same across development builds whose models differ.
 */
export const SERVER_STAMP = ((): string => {
  try {
    return `${VERSION}+${contentHash(readFileSync(__filename, 'latin1'))}`;
  } catch {
    return VERSION;
  }
})();

/**
 * The file is JSON lines: this header, then one `[path, model]` array per line, so that it is
 * written and read model by model (one string of every model would not fit a large workspace:
 * 10,000 files make 230 MB of JSON). A model whose search text the index set aside
 * (searchTexts.ts) is stored as kept, `[path, model, compressed text as base64]`: the text is never
 * inflated to be written nor compressed again when read (73 MB of text on 10,000 files).
 */
interface CacheHeader {
  readonly format: number;
  readonly server: string;
  readonly config: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeModel(value: unknown, path: string): value is DocumentModel {
  return isRecord(value) && value.path === path && typeof value.hash === 'string' && isRecord(value.role) && Array.isArray(value.headings) && Array.isArray(value.mentions) && Array.isArray(value.references);
}

export function configStamp(config: ProofmarkConfig): string {
  return contentHash(JSON.stringify(config));
}

/**
 * Document models of one workspace folder, kept between runs keyed by path and content hash.
 * The file carries the server version and a stamp of the configuration; a cache written by
 * another version, for another configuration, or unreadable, is discarded, never trusted.
 */
export class ModelCache {
  private models = new Map<string, DocumentModel>();

  constructor(
    private readonly file: string | null,
    private readonly stamp: string,
  ) {}

  static fileFor(storagePath: string | null, rootUri: string): string | null {
    return storagePath === null ? null : nodePath.join(storagePath, `proofmark-models-${contentHash(rootUri)}.jsonl`);
  }

  /** Whether a cache for this build and configuration is there to load (its header read alone). */
  async present(): Promise<boolean> {
    if (this.file === null) return false;
    try {
      for await (const line of fileLines(this.file)) {
        const value: unknown = JSON.parse(line.toString('utf8'));
        return isRecord(value) && value.format === FORMAT && value.server === SERVER_STAMP && value.config === this.stamp;
      }
      return false;
    } catch {
      return false;
    }
  }

  /**
   * Loads the cache; returns how many models it holds (0 when it was absent, stale or corrupt: one
   * bad line discards it all). Each model is handed to `keep` as it is read (the index compacts it),
   * so the whole cache is never held as parsed. With `only`, just the models of the paths it
   * accepts are decoded and parsed (the other lines are skipped as bytes) and added, for what is wanted first;
   * a load without it then parses the rest.
   */
  async load(keep: (model: DocumentModel) => DocumentModel = (model) => model, only?: (path: string) => boolean): Promise<number> {
    if (this.file === null) return 0;
    const models = new Map(this.models);
    const before = models.size;
    const fail = (): number => {
      if (!only) this.models = new Map();
      return 0;
    };
    try {
      let header = true;
      for await (const line of fileLines(this.file)) {
        if (!header) {
          const path = pathOfLine(line);
          if (path !== null && (only ? !only(path) : models.has(path))) continue;
        }
        const value: unknown = JSON.parse(line.toString('utf8'));
        if (header) {
          if (!isRecord(value) || value.format !== FORMAT || value.server !== SERVER_STAMP || value.config !== this.stamp) return fail();
          header = false;
        } else if (Array.isArray(value) && typeof value[0] === 'string' && looksLikeModel(value[1], value[0]) && (value[2] === undefined || typeof value[2] === 'string')) {
          if (only && !only(value[0])) continue;
          const model = keep(value[1]);
          // The search text was stored compressed beside the model: it is set aside as it was, never inflated here.
          if (typeof value[2] === 'string') holdSearchBytes(model, value[2]);
          models.set(value[0], model);
        } else {
          return fail();
        }
      }
    } catch {
      return fail();
    }
    this.models = models;
    return only ? models.size - before : models.size;
  }

  /** The cached model of a path, only if it was built from text with this hash. */
  get(path: string, hash: string): DocumentModel | undefined {
    const hit = this.models.get(path);
    return hit && hit.hash === hash ? hit : undefined;
  }

  /** Writes the given models atomically (temporary file, then rename); failures are reported, not thrown. */
  async save(models: ReadonlyMap<string, DocumentModel>): Promise<string | null> {
    if (this.file === null) return null;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(nodePath.dirname(this.file), { recursive: true });
      await writeCacheFile(temporary, { format: FORMAT, server: SERVER_STAMP, config: this.stamp }, models);
      await fs.rename(temporary, this.file);
      this.models = new Map(models);
      return null;
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      return error instanceof Error ? error.message : String(error);
    }
  }
}

/**
 * Text written per write call: the cache is written model by model, never as one string of all
 * models. Each chunk is garbage once written; past V8's regular object size (128 KB) a string is
 * allocated in the large-object space, which only a full collection frees, and the 230 chunks of
 * a 1 MB write of 10,000 models outgrew the live heap before one ran (peak RSS +70 MB while the
 * cache was written). Chunks under that size die young.
 */
const WRITE_CHUNK = 64 * 1024;

const OPEN = Buffer.from('["');
const PATH_END = Buffer.from('",');

/** The path a model line starts with (`["docs/a.md",…`), decoded alone, without the model; null when it cannot be read so. */
function pathOfLine(line: Buffer): string | null {
  if (line.length < OPEN.length || OPEN.compare(line, 0, OPEN.length) !== 0) return null;
  const end = line.indexOf(PATH_END);
  if (end < 0) return null;
  try {
    const path: unknown = JSON.parse(line.toString('utf8', 1, end + 1));
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

async function writeCacheFile(file: string, header: CacheHeader, models: ReadonlyMap<string, DocumentModel>): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    let pending = `${JSON.stringify(header)}\n`;
    for (const [path, model] of models) {
      const bytes = heldSearchBytes(model);
      pending += `${JSON.stringify(bytes === undefined ? [path, model] : [path, model, bytes])}\n`;
      if (pending.length >= WRITE_CHUNK) {
        await handle.write(pending);
        pending = '';
      }
    }
    await handle.write(pending);
  } finally {
    await handle.close();
  }
}
