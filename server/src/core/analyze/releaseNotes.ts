import type { ReleaseItem } from '../model/document';
import type { LineIndex } from '../text/position';
import type { Sections } from './sections';

/** A changelog or release notes by name: `CHANGELOG.md`, `CHANGES.md`, `RELEASE_NOTES.md`, `HISTORY.md`. */
export const CHANGELOG_NAME = /^(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_ ]?NOTES|RELEASES)(?:[-_.][\w.-]*)?\.md$/i;

/** A release heading: a version (`[0.1.0] - 2025-12-01`, `v1.2`), not the section of what is not released yet. */
const RELEASE = /^\[?v?\d+\.\d+(?:\.\d+)?\b/i;
/** The version a release heading names (`[0.2.0] - 2025-01-15`, its link brackets read away or not). */
const VERSION = /\bv?\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)?(?=$|[\s\]\-–—(:,])/;
const UNRELEASED = /\b(?:unreleased|upcoming|planned|next|draft|roadmap)\b/i;
/** The subsections of a release that list what it ships (Keep a Changelog's `### Added`, `### Features`). */
const SHIPPED = /^(?:added|features?|new(?:\s+features?)?|highlights|what'?s\s+new)\b/i;
const ITEM = /^( {0,1}[-*+]\s+)(\S.{2,199})$/;

/**
 * What each release of a changelog lists: the first-level items of a released version's section,
 * shipped when directly under its heading or under `### Added` / `### Features` (not Fixed,
 * Changed, Removed or Known Issues, which say other things of a feature).
 */
export function readReleaseItems(lines: LineIndex, code: Uint8Array, sections: Sections): ReleaseItem[] {
  const items: ReleaseItem[] = [];
  for (const release of sections.headings) {
    if (!RELEASE.test(release.text) || UNRELEASED.test(release.text)) continue;
    for (let line = release.line + 1; line <= release.sectionEnd; line++) {
      if (code[line]) continue;
      const under = sections.headings[sections.at(line)];
      if (!under) continue;
      const m = ITEM.exec(lines.line(line));
      if (!m) continue;
      const column = (m[1] ?? '').length + 1;
      const text = (m[2] ?? '').trim();
      const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(release.text)?.[1] ?? null;
      items.push({ line, range: { start: { line, column }, end: { line, column: column + text.length } }, text, release: VERSION.exec(release.text)?.[0] ?? release.text, releaseLine: release.line, date, shipped: under === release || SHIPPED.test(under.text) });
    }
  }
  return items;
}
