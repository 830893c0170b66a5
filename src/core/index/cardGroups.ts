// The questions of the index as groups (one per question, with every place it is written), kept between asks:
// the trees and the due count ask after every burst of indexing, and making every group again each time held the
// extension host at a few thousand notes. A group is made again only when one of its places changes.
import type { Card, NoteSource } from '../model';
import type { CardGroup } from './noteIndex';
import { toGroup } from './indexMaps';

export class CardGroupCache {
  /** Per set of sources asked for, each question's group (null: none of its places are in them). */
  private readonly byKey = new Map<string, Map<string, CardGroup | null>>();
  /** The lists asked for since the index last changed. */
  private readonly lists = new Map<string, CardGroup[]>();

  constructor(
    private readonly cardsByKey: ReadonlyMap<string, Card[]>,
    private readonly sourceOf: (file: string) => NoteSource,
  ) {}

  /** A question's places changed. */
  drop(key: string): void {
    for (const groups of this.byKey.values()) groups.delete(key);
  }
  /** Anything changed: the lists are made again (from the groups kept). */
  changed(): void {
    this.lists.clear();
  }
  clear(): void {
    this.byKey.clear();
    this.lists.clear();
  }

  /** A fresh list each time; the groups in it are shared: read them, do not change them. */
  groups(sources?: readonly NoteSource[]): CardGroup[] {
    const sourcesKey = sources ? sources.join(',') : '*';
    let list = this.lists.get(sourcesKey);
    if (!list) {
      list = [];
      for (const key of this.cardsByKey.keys()) {
        const group = this.group(key, sources);
        if (group) list.push(group);
      }
      this.lists.set(sourcesKey, list);
    }
    return [...list];
  }

  group(key: string, sources?: readonly NoteSource[]): CardGroup | undefined {
    const sourcesKey = sources ? sources.join(',') : '*';
    let kept = this.byKey.get(sourcesKey);
    if (!kept) this.byKey.set(sourcesKey, (kept = new Map()));
    let group = kept.get(key);
    if (group === undefined) {
      const cards = this.cardsByKey.get(key);
      if (!cards) return undefined; // not kept: keys no note writes (generated cards') are asked for often
      const within = sources ? cards.filter((c) => sources.includes(this.sourceOf(c.file))) : cards;
      kept.set(key, (group = within.length ? toGroup(key, within) : null));
    }
    return group ?? undefined;
  }
}
