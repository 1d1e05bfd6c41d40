import { createReadStream } from 'node:fs';

/** Bytes read per chunk: a model line is 20 KB on average, so most chunks hold dozens of lines. */
const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/**
 * The lines of a file as bytes (without their `\n`), read in chunks and never decoded here: a
 * reader that skips most lines (the model cache read for the few documents wanted first) decodes
 * only those it keeps. Scanning the 212 MB cache of 10,000 generated files took 1.6 s through
 * `readline` (which decodes every byte into strings) and 0.15 s so. A line is a view of its chunk,
 * valid until the next one is asked for. Closing the loop early closes the file.
 */
export async function* fileLines(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer | null = null;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    const bytes: Buffer = rest === null ? chunk : Buffer.concat([rest, chunk]);
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      yield bytes.subarray(start, end);
      start = end + 1;
    }
    rest = start < bytes.length ? bytes.subarray(start) : null;
  }
  if (rest !== null) yield rest;
}
