import type { TermPlace } from '../../index/noteIndex';
import type { HoverSection } from '../section';
import { escapeMarkdown } from '../safeMarkdown';
import { hoverLinks, markdownLink } from '../links';

/** Links shown at most; "Explain" lists every place. */
const SHOWN = 4;

/**
 * "Also in N notes": the best other passages about the term (the ranking chooses them), each a link that opens it,
 * in reading order. The links carry the term's key and the place's position in the ranked list (look-up keys we made),
 * never the note's path.
 */
export const otherPlacesSection: HoverSection = {
  id: 'otherPlaces',
  render({ match, t }) {
    const others = match.others ?? [];
    if (!others.length) return undefined;
    const files = new Set(others.map((o) => o.file));
    // A big notes file can explain a term in several sections: the label counts those too, so it matches the links.
    const alsoHere = files.delete(match.file);
    const label =
      files.size === 0
        ? t('Also elsewhere in this note:')
        : alsoHere
          ? files.size === 1
            ? t('Also in this note and 1 other note:')
            : t('Also in this note and {0} other notes:', files.size)
          : files.size === 1
            ? t('Also in 1 other note:')
            : t('Also in {0} other notes:', files.size);
    const links = inReadingOrder(others.slice(0, SHOWN)).map(({ place, position }) =>
      markdownLink(
        escapeMarkdown(placeName(place)),
        hoverLinks.openPlace(match, position),
        place.mention ? t('Mentioned here') : t('Explained here'),
      ),
    );
    const more =
      others.length > SHOWN ? ` · ${markdownLink(escapeMarkdown(t('{0} more', others.length - SHOWN)), hoverLinks.explain(match))}` : '';
    return `_${escapeMarkdown(label)}_ ${links.join(' · ')}${more}`;
  },
};

/** `file.md:12` (the link's title says whether it explains or only mentions the term). */
function placeName(place: TermPlace): string {
  const file = place.file.slice(Math.max(place.file.lastIndexOf('/'), place.file.lastIndexOf('\\')) + 1);
  return `${file}:${place.line}`;
}

/**
 * The chosen places as a reader goes through them: each note's places by line, the notes in the order of their best
 * place. Each keeps its position in the ranked list, which is what its link looks up.
 */
function inReadingOrder(places: readonly TermPlace[]): Array<{ place: TermPlace; position: number }> {
  const fileRank = new Map<string, number>();
  for (const p of places) if (!fileRank.has(p.file)) fileRank.set(p.file, fileRank.size);
  return places
    .map((place, position) => ({ place, position }))
    .sort((a, b) => (fileRank.get(a.place.file) ?? 0) - (fileRank.get(b.place.file) ?? 0) || a.place.line - b.place.line);
}
