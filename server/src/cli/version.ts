import { version } from '../../../package.json';

/** Proofmark's version, from package.json (esbuild inlines it into the bundle). */
export const VERSION: string = version;
