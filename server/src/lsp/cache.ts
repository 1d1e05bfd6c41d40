import { createReadStream, promises as fs, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as nodePath from 'node:path';
import type { ProofmarkConfig } from '../core/config/config';
import type { DocumentModel } from '../core/model/document';
import { contentHash } from '../core/text/hash';
import { VERSION } from '../cli/version';
import { withSearchText } from './searchTexts';

/** Bumped whenever the shape of DocumentModel changes, so an old cache is never read as a new one. */
const FORMAT = 2;

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
 * 10,000 files make 230 MB of JSON).
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

  /**
   * Loads the cache; returns how many models it holds (0 when it was absent, stale or corrupt: one
   * bad line discards it all). Each model is handed to `keep` as it is read (the index compacts it),
   * so the whole cache is never held as parsed.
   */
  async load(keep: (model: DocumentModel) => DocumentModel = (model) => model): Promise<number> {
    if (this.file === null) return 0;
    const models = new Map<string, DocumentModel>();
    const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    try {
      let header = true;
      for await (const line of lines) {
        const value: unknown = JSON.parse(line);
        if (header) {
          if (!isRecord(value) || value.format !== FORMAT || value.server !== SERVER_STAMP || value.config !== this.stamp) return 0;
          header = false;
        } else if (Array.isArray(value) && typeof value[0] === 'string' && looksLikeModel(value[1], value[0])) {
          models.set(value[0], keep(value[1]));
        } else {
          return 0;
        }
      }
    } catch {
      return 0;
    } finally {
      lines.close();
    }
    this.models = models;
    return models.size;
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

async function writeCacheFile(file: string, header: CacheHeader, models: ReadonlyMap<string, DocumentModel>): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    let pending = `${JSON.stringify(header)}\n`;
    for (const [path, model] of models) {
      pending += `${JSON.stringify([path, withSearchText(model)])}\n`;
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
