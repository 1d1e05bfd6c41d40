/**
 * `text` as quoted in a message: at most `max` characters, and when it is longer, cut to `max - 1`
 * with an ellipsis, so that a reader can tell a quotation cut short from one given whole.
 */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
