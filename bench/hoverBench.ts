// Judged hover benchmark: hover every identifier of fixture code written in the style of real projects (kernel C,
// Kubernetes manifests, WebRTC clients, Spring and Express apps), with the document context rules and without them
// (the baseline), and judge each hover against its label. Prints per group the share of identifiers hovered and the
// share of hovers that are right, then the must-have concepts, then one `BENCH_JSON {...}` line.
// Run: npm run bench:hovers            (starter notes + glossary)
//      TIL_NOTES=path/a.md:path/dir npm run bench:hovers   (also your own notes, as a user would have them)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../src/core/index/noteIndex';
import { parseGlossary } from '../src/core/index/glossary';
import { parseNote } from '../src/core/notes/parseNote';
import { languageOfFile } from '../src/core/index/context/languageOf';
import { hoveredShare, judge, loadJudgedSet, precision, recall, type GroupResult } from './hoverJudge';

const ROOT = path.resolve(__dirname, '..', '..'); // out/bench → repo
const TARGETS = { precision: 0.95, ordinaryHovered: 0.01, contextMs: 5 };

function markdownFiles(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (fs.statSync(p).isFile()) return p.endsWith('.md') ? [p] : [];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? markdownFiles(path.join(p, d.name)) : d.name.endsWith('.md') ? [path.join(p, d.name)] : []));
}

function buildIndex(extraNotes: string[]): NoteIndex {
  const index = new NoteIndex();
  const notesDir = path.join(ROOT, 'notes');
  for (const file of [...markdownFiles(notesDir), ...extraNotes.flatMap(markdownFiles)])
    index.upsert(parseNote(file, fs.readFileSync(file)), false);
  index.setGlossary([parseGlossary('glossary.yaml', fs.readFileSync(path.join(notesDir, 'glossary.yaml'), 'utf8'))]);
  return index;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function table(title: string, rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`\n${title}`);
  rows.forEach((row, r) => {
    console.log('  ' + row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   '));
    if (r === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('   '));
  });
}

function groupRow(g: GroupResult): string[] {
  const c = g.withContext;
  const b = g.baseline;
  const ok = precision(c) >= TARGETS.precision && (!g.group.ordinary || hoveredShare(c) <= TARGETS.ordinaryHovered);
  return [
    g.group.name + (g.group.ordinary ? ' *' : ''),
    String(c.identifiers),
    pct(hoveredShare(c)),
    pct(precision(c)),
    `${c.found}/${c.labelled}`,
    pct(hoveredShare(b)),
    pct(precision(b)),
    ok ? 'ok' : 'MISS',
  ];
}

function main(): number {
  const extra = (process.env.TIL_NOTES ?? '').split(path.delimiter).filter(Boolean);
  const index = buildIndex(extra);
  const set = loadJudgedSet(path.join(ROOT, 'test', 'fixtures', 'hovers'));
  const result = judge(index, set);
  const notes = `${index.size} notes${extra.length ? ` incl. ${extra.join(', ')}` : ' (starter notes)'}, ${index.glossaryEntries().length} glossary entries`;
  table(`Judged hovers: every identifier of ${set.groups.reduce((n, g) => n + g.files.length, 0)} fixture files (${notes})`, [
    ['group (* ordinary code)', 'identifiers', 'hovered', 'right', 'labelled found', 'baseline hovered', 'baseline right', 'target'],
    ...result.groups.map(groupRow),
  ]);
  console.log(
    `  targets: right (precision) >= ${pct(TARGETS.precision)} in every group; ordinary code hovered <= ${pct(TARGETS.ordinaryHovered)} of identifiers.`,
  );
  console.log('  baseline: the same notes and glossary without the document context rules.');
  for (const g of result.groups) for (const w of g.wrong.slice(0, 5)) console.log(`  wrong in ${g.group.name}: ${w}`);

  const missing = result.concepts.filter((c) => !c.explained);
  console.log(
    `\nMust-have concepts explained: ${result.concepts.length - missing.length}/${result.concepts.length}${missing.length ? ` — missing: ${missing.map((c) => c.name).join(', ')}` : ''}`,
  );

  // The context is computed once per document version: what that costs for each fixture.
  const times: number[] = [];
  for (const g of set.groups)
    for (const file of g.files) {
      const text = fs.readFileSync(path.join(set.dir, file), 'utf8');
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 20; i++) index.documentContext(languageOfFile(file), text);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6 / 20);
    }
  const worstContextMs = Math.max(...times);
  console.log(
    `Document context: ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3)} ms mean, ${worstContextMs.toFixed(3)} ms worst per fixture (once per document version; target < ${TARGETS.contextMs} ms).`,
  );

  const failed = result.groups.filter((g) => groupRow(g)[7] !== 'ok');
  const json = {
    notes: index.size,
    groups: result.groups.map((g) => ({
      name: g.group.name,
      ordinary: g.group.ordinary,
      identifiers: g.withContext.identifiers,
      hovered: hoveredShare(g.withContext),
      precision: precision(g.withContext),
      recall: recall(g.withContext),
      baselineHovered: hoveredShare(g.baseline),
      baselinePrecision: precision(g.baseline),
    })),
    conceptsExplained: result.concepts.length - missing.length,
    concepts: result.concepts.length,
    contextMsWorst: worstContextMs,
  };
  console.log(`\nBENCH_JSON ${JSON.stringify(json)}`);
  return failed.length || missing.length ? 1 : 0;
}

process.exitCode = main();
