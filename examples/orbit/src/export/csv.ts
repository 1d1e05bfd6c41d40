// Writes one CSV row per note (example file for the spec-kit example).
export function toCsvRow(note: { at: string; lat: number; lon: number; text: string }): string {
  return [note.at, String(note.lat), String(note.lon), JSON.stringify(note.text)].join(',');
}
