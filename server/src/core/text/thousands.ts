/**
 * An integer with its digits grouped by three, as en-US writes it (`1,584`). Not toLocaleString:
 * its first call loads the locale data, 15–20 ms that the server spent between the open of the
 * active document and its first diagnostics (the first progress message).
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
