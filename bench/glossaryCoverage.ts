// How many glossary concepts the user's notes explain: for each concept the bundled glossary maps code to, is the
// best explanation in the given notes file? Written against the index API that existed before issue 11 as well
// (parseNote, NoteIndex.upsert/term/glossaryEntries, parseGlossary), so scripts/glossary-coverage.js can build it
// over an older commit and print before and after side by side.
// Usage (built): node glossaryCoverage.js <repo root> <notes file>...   → one JSON line per file
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../src/core/index/noteIndex';
import { parseGlossary } from '../src/core/index/glossary';
import { parseNote } from '../src/core/notes/parseNote';
import { termKey } from '../src/core/text';

interface Coverage {
  file: string;
  starter: boolean;
  concepts: number;
  /** Concepts whose best explanation is in the user's file and defines it (heading, bold term, sentence, …). */
  explained: number;
  /** …and counting concepts the file only mentions (`fork()` in a sentence). */
  explainedOrMentioned: number;
}

function coverage(root: string, userFile: string, withStarter: boolean): Coverage {
  const index = new NoteIndex();
  const parse = (file: string) => parseNote(file, fs.readFileSync(file)) as ReturnType<typeof parseNote> & { source?: string };
  index.upsert({ ...parse(userFile), source: 'workspace' } as ReturnType<typeof parseNote>);
  if (withStarter) {
    const dir = path.join(root, 'notes');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.md')))
      index.upsert({ ...parse(path.join(dir, f)), source: 'starter' } as ReturnType<typeof parseNote>);
  }
  const glossaryFile = path.join(root, 'notes', 'glossary.yaml');
  index.setGlossary([parseGlossary(glossaryFile, fs.readFileSync(glossaryFile, 'utf8'))]);
  const concepts = new Set(index.glossaryEntries().map((e) => termKey(e.term)));
  let explained = 0;
  let explainedOrMentioned = 0;
  for (const concept of concepts) {
    const best = index.term(concept);
    if (best?.file !== userFile) continue;
    explainedOrMentioned++;
    if ((best.source as string) !== 'mention') explained++;
  }
  return { file: userFile, starter: withStarter, concepts: concepts.size, explained, explainedOrMentioned };
}

const [root, ...files] = process.argv.slice(2);
for (const file of files)
  for (const starter of [false, true]) console.log(JSON.stringify(coverage(path.resolve(root), path.resolve(file), starter)));
