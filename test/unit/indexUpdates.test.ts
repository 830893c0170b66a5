import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { noteCounts } from '../../src/core/index/noteCounts';
import { parseNote } from '../../src/core/notes/parseNote';
import type { NoteSource, ParsedNote } from '../../src/core/model';
import { readFixture } from './helpers';

// The index keeps answers between updates (each note's days, each question's group, the count of defined terms):
// after any mix of adds, edits, moves between sources and removals they must equal an index built afresh.

const user: NoteSource[] = ['workspace', 'extra'];

function note(file: string, text: string, source: NoteSource = 'workspace'): ParsedNote {
  return { ...parseNote(file, text), source };
}

function snapshot(index: NoteIndex) {
  const groups = (sources?: NoteSource[]) =>
    index
      .cardGroups(sources)
      .map((g) => `${g.key}|${g.question}|${g.places.map((p) => `${p.file}:${p.line}`).join(',')}`)
      .sort();
  const days = (sources?: NoteSource[]) =>
    index
      .days(sources)
      .map((d) => `${d.key}|${d.title}|${d.entries.map((e) => `${e.day.id}:${e.sections.length}:${e.cards.length}`).join(',')}`);
  return {
    files: index.files(),
    groups: groups(),
    userGroups: groups(user),
    starterGroups: groups(['starter']),
    days: days(),
    userDays: days(user),
    counts: noteCounts(index),
    userCounts: noteCounts(index, user),
    diagrams: index.diagrams().length,
  };
}

function fresh(notes: Iterable<ParsedNote>): NoteIndex {
  const index = new NoteIndex();
  index.upsertMany([...notes]);
  return index;
}

test('answers the index keeps between updates equal an index built afresh', () => {
  const live = new NoteIndex();
  const current = new Map<string, ParsedNote>();
  const apply = (notes: ParsedNote[], removed: string[] = []) => {
    snapshot(live); // ask first, so that what is kept from before the update is what gets checked
    live.upsertMany(notes);
    for (const n of notes) current.set(n.file, n);
    for (const file of removed) {
      live.remove(file);
      current.delete(file);
    }
    assert.deepEqual(snapshot(live), snapshot(fresh(current.values())));
  };
  const days = readFixture('notes/days-and-questions.md');
  const terms = readFixture('notes/terms-and-diagrams.md');
  const same = readFixture('more/same-question.md');
  apply([note('/n/days.md', days), note('/n/terms.md', terms)]);
  apply([note('/s/days.md', days, 'starter'), note('/m/same.md', same, 'extra')]);
  // An edit: the same question now written once, a day moved, a term gone.
  apply([note('/m/same.md', '# 1월 9일 TIL\n\n> 새 질문인가요?\n\n새 답.\n\n**세마포어**: 공유 자원의 개수를 세는 값.\n', 'extra')]);
  // The same file moves from the user's notes to the starter notes and back.
  apply([note('/n/terms.md', terms, 'starter')]);
  apply([note('/n/terms.md', terms)]);
  apply([], ['/n/days.md']);
  apply([note('/n/days.md', days), note('/a/first.md', '# 2025-03-04\n\n> 문맥 교환이란?\n\n다른 답.\n')]);
  apply([], ['/s/days.md', '/m/same.md', '/n/terms.md']);
  assert.ok(snapshot(live).groups.length > 0, 'questions are left to compare');
});

test('the days of a note are the same whether asked for once or after other notes change', () => {
  const index = new NoteIndex();
  const days = note('/n/days.md', readFixture('notes/days-and-questions.md'));
  index.upsert(days);
  const before = index.days().map((d) => d.entries.length);
  index.upsert(note('/n/other.md', '# 2030-01-01\n\n본문.\n'));
  index.remove('/n/other.md');
  assert.deepEqual(
    index.days().map((d) => d.entries.length),
    before,
  );
  assert.equal(index.days().length, before.length);
});
