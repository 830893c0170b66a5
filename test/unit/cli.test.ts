import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { fixtures, repoRoot } from './helpers';

const cli = path.join(repoRoot, 'dist/cli.js');
const run = (...args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'til-cli-')) },
  });

test('inspect --json prints days, sections, cards, terms, diagrams and problems', () => {
  const report = JSON.parse(run('inspect', path.join(fixtures, 'notes'), '--json'));
  assert.deepEqual(Object.keys(report).slice(0, 6), ['days', 'sections', 'cards', 'terms', 'diagrams', 'problems']);
  const card = report.cards.find((c: { question: string }) => c.question.startsWith('문맥 교환'));
  assert.equal(card.line, 5);
  assert.match(card.answer, /레지스터/);
  assert.equal(card.places.length, 2);
  const term = report.terms.find((t: { term: string }) => t.term === '뮤텍스');
  assert.deepEqual(term.aliases, ['Mutex']);
  assert.equal(report.diagrams.length, 2);
});

test('inspect without --json prints a readable summary with counts', () => {
  assert.match(run('inspect', path.join(fixtures, 'notes')), /^\d+ days, \d+ sections, \d+ questions, \d+ terms, 2 diagrams/);
});

test('lookup prints what a hover would show, or null', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-code-'));
  const code = path.join(dir, 'main.c');
  fs.writeFileSync(code, '#include <unistd.h>\nint main(void) {\n  pid_t pid = fork();\n  int index = 0;\n}\n');
  const hit = JSON.parse(run('lookup', code, '3', '15', '--notes', path.join(fixtures, 'notes'), '--json'));
  assert.equal(hit.term, 'fork');
  assert.match(hit.summary, /자식 프로세스/);
  assert.equal(path.basename(hit.file), 'terms-and-diagrams.md');
  assert.equal(JSON.parse(run('lookup', code, '4', '8', '--notes', path.join(fixtures, 'notes'), '--json')), null);
});

test('bad arguments get a clear message and a usage exit code', () => {
  const r = spawnSync(process.execPath, [cli, 'lookup', 'x.c', 'zero', '1'], { encoding: 'utf8' });
  assert.equal(r.status, 64);
  assert.match(r.stderr, /line and column 1-based/);
  const missing = spawnSync(process.execPath, [cli, 'inspect', '/no/such/folder'], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file or folder/);
  assert.equal(missing.stdout, '', 'no report of zeros when nothing was read');
});

test('a large --json report is complete when piped (no truncated output)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-big-'));
  const body = Array.from({ length: 400 }, (_, i) => `> 질문 ${i}은 무엇인가요?\n\n${'긴 답변 문장이다. '.repeat(40)}\n`).join('\n');
  fs.writeFileSync(path.join(dir, 'big-til.md'), `# 1월 1일 TIL\n\n${body}`);
  const out = run('inspect', dir, '--json');
  assert.ok(out.length > 200_000, `${out.length} bytes`);
  assert.equal(JSON.parse(out).cards.length, 400);
});

test('hover prints the hover Markdown the extension builds (same function), in English or Korean', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-code-'));
  const code = path.join(dir, 'main.c');
  fs.writeFileSync(code, 'int main(void) {\n  pid_t pid = fork();\n}\n');
  const notes = path.join(fixtures, 'notes');
  const out = run('hover', code, '2', '15', '--notes', notes);
  assert.match(out, /^\$\(book\) \*\*fork\*\*\n\n\*\*fork\*\*는 [^\n]*자식 프로세스/);
  assert.match(
    out,
    /\n---\n\n\[\$\(go-to-file\) Open note \(terms\\-and\\-diagrams\\\.md\\:\d+\)\]\(command:til\.openLocation\?%5B%7B%22term%22%3A%22fork%22%7D%5D "Open the note at this passage"\)/,
  );
  assert.match(run('hover', code, '2', '15', '--notes', notes, '--locale', 'ko'), /노트 열기/);
  const none = spawnSync(process.execPath, [cli, 'hover', code, '1', '1', '--notes', notes], { encoding: 'utf8' });
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no term from the notes at that position/);
});

test('hover of a hostile note: its only links are our commands, with look-up keys (no path, no exportTo)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-hostile-'));
  fs.writeFileSync(
    path.join(dir, 'hostile [x](command:til.search) TIL.md'),
    '---\ntopic: os\n---\n# 2025-01-01 TIL\n\n**fork**는 [Open note](command:til.showDiagram?[{"id":"builtin:process-states","exportTo":"file:///tmp/owned.svg"}]) ' +
      'and <command:til.showDiagram?%5B%5D> and ![a[b]](https://tracker.example/p.png) 자식 프로세스를 만든다.\n',
  );
  const code = path.join(dir, 'main.c');
  fs.writeFileSync(code, 'pid_t pid = fork();\n');
  const out = run('hover', code, '1', '14', '--notes', dir);
  assert.doesNotMatch(out, /exportTo|%22exportTo|tracker\.example|\]\(command:til\.(showDiagram|search)\)/);
  const targets = [...out.matchAll(/\]\((command:[^ )]+)/g)].map((m) => decodeURIComponent(m[1]));
  // fork's own diagram link (process states, New lit up) carries the term and a position, nothing from the note
  assert.deepEqual(
    targets.map((t) => t.split('?')[0]),
    ['command:til.openLocation', 'command:til.explainTerm', 'command:til.search', 'command:til.showDiagram', 'command:til.startQuiz'],
  );
  for (const target of targets) assert.doesNotMatch(target, /[/\\]|file:/, target);
});

test('inspect --stats prints cards per question style, unanswered cards and days', () => {
  const folder = path.join(fixtures, 'questions');
  const out = run('inspect', folder, '--stats');
  assert.match(out, /^\d+ cards by question style:/);
  for (const style of ['heading', 'exercise', 'blockquote', 'aside', 'details', 'qa', 'list', 'emphasis', 'line']) {
    assert.match(out, new RegExp(`^  ${style} +[1-9]\\d*$`, 'm'), style);
  }
  assert.match(out, /^[1-9]\d* cards without an answer yet$/m);
  const stats = JSON.parse(run('inspect', folder, '--stats', '--json'));
  assert.equal(stats.byStyle.exercise, 8, 'four exercise headings and four exercise paragraphs');
  assert.equal(
    Object.values(stats.byStyle as Record<string, number>).reduce((a, b) => a + b, 0),
    stats.cards,
  );
});

/** The fixture notes in a temporary folder, their glossary replaced by `glossary` (bytes as written). */
function notesWithGlossary(glossary: Buffer | undefined): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-glossary-'));
  fs.cpSync(path.join(fixtures, 'notes'), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'glossary.yaml'));
  if (glossary) fs.writeFileSync(path.join(dir, 'glossary.yaml'), glossary);
  return dir;
}

test('a UTF-16 or EUC-KR/CP949 glossary is decoded like a note, and its entries work', () => {
  const code = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'til-code-')), 'main.c');
  fs.writeFileSync(code, 'int main(void) {\n  take_lock_now(&m);\n}\n');
  const yaml = 'os:\n  take_lock_now: 뮤텍스\n';
  const utf16 = notesWithGlossary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml.replace(/\n/g, '\r\n'), 'utf16le')]));
  assert.equal(JSON.parse(run('lookup', code, '2', '5', '--notes', utf16, '--json'))?.term, '뮤텍스');
  const cp949 = notesWithGlossary(iconv.encode(yaml, 'cp949'));
  assert.equal(JSON.parse(run('lookup', code, '2', '5', '--notes', cp949, '--json'))?.term, '뮤텍스');
  const problems = JSON.parse(run('inspect', cp949, '--json')).problems as { file: string; code: string; message: string }[];
  assert.ok(
    problems.some((p) => path.basename(p.file) === 'glossary.yaml' && p.code === 'encoding' && /EUC-KR/.test(p.message)),
    JSON.stringify(problems),
  );
});

test('a glossary over the size cap is refused by its size, never read: a problem, not a crash', () => {
  const dir = notesWithGlossary(undefined);
  // Sparse: 3 GB by its size, no disk used. Reading it whole would fail (over 2 GB) or fill the memory.
  const big = path.join(dir, 'glossary.yaml');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 3 * 1024 ** 3);
  const report = JSON.parse(run('inspect', dir, '--json'));
  assert.ok(report.cards.length > 0, 'the notes are read');
  const problem = (report.problems as { file: string; code: string; message: string }[]).find((p) => p.file === big);
  assert.equal(problem?.code, 'too-large');
  assert.match(problem!.message, /3072\.0 MB, over the 1\.0 MB limit for glossaries/);
});

// The CLI mirrors the extension: --notes = the user's notes + our glossary; --starter adds the starter notes; theirs win.
const userNotes = path.join(fixtures, 'user-notes');
const mainC = path.join(fixtures, 'code', 'main.c');
const fileOf = (hit: { file: string } | null) => hit && path.relative(repoRoot, hit.file).replace(/\\/g, '/');

test('lookup --notes answers from the user notes through the bundled glossary, without the starter notes', () => {
  const semWait = JSON.parse(run('lookup', mainC, '11', '6', '--notes', userNotes, '--json'));
  assert.equal(semWait.matched, 'sem_wait');
  assert.equal(semWait.term, 'Semaphore', 'the bundled glossary maps sem_wait to the concept the user wrote down');
  assert.equal(fileOf(semWait), 'test/fixtures/user-notes/study-log.md');
  const c = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'til-code-')), 'signals.c');
  fs.writeFileSync(c, '#include <signal.h>\nint main(void) {\n  kill(0, SIGTERM);\n}\n');
  assert.equal(
    JSON.parse(run('lookup', c, '3', '4', '--notes', userNotes, '--json')),
    null,
    'only the starter notes explain kill, and they are off',
  );
  assert.equal(
    fileOf(JSON.parse(run('lookup', c, '3', '4', '--notes', userNotes, '--starter', '--json'))),
    'notes/os-interrupts-syscalls.md',
  );
});

test('lookup --starter adds the starter notes, and the user notes still win', () => {
  for (const [line, column, term] of [
    ['9', '18', 'fork'],
    ['10', '6', 'Mutex'],
    ['11', '6', 'Semaphore'],
  ] as const) {
    const starterOnly = JSON.parse(run('lookup', mainC, line, column, '--json'));
    assert.match(fileOf(starterOnly) ?? '', /^notes\//, `${term}: without --notes the starter notes answer`);
    const both = JSON.parse(run('lookup', mainC, line, column, '--notes', userNotes, '--starter', '--json'));
    assert.equal(both.term, term);
    assert.equal(fileOf(both), 'test/fixtures/user-notes/study-log.md', `${term}: the user's explanation comes first`);
  }
});

test("a til-glossary.yaml among the user's notes wins over the bundled glossary", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-own-glossary-'));
  fs.writeFileSync(
    path.join(dir, '2025-03-01-til.md'),
    '# 2025-03-01 TIL\n\n**카운팅 잠금**\n\n빈자리 수만큼만 들여보내는 내 방식의 이름.\n',
  );
  fs.writeFileSync(path.join(dir, 'til-glossary.yaml'), 'os:\n  sem_wait: 카운팅 잠금\n');
  const hit = JSON.parse(run('lookup', mainC, '11', '6', '--notes', dir, '--notes', userNotes, '--json'));
  assert.equal(hit.term, '카운팅 잠금');
  assert.equal(path.basename(hit.file), '2025-03-01-til.md');
  // Ours still maps what theirs leaves alone.
  assert.equal(JSON.parse(run('lookup', mainC, '10', '6', '--notes', dir, '--notes', userNotes, '--json')).term, 'Mutex');
});

test('--help says which notes lookup and hover read and that the user notes win', () => {
  const help = run('--help');
  assert.match(help, /--starter +adds the starter notes/);
  assert.match(help, /bundled\s+glossary[^]*always on/);
  assert.match(help, /Your notes still win/);
});

test('lookup in a terminal leaves out image lines (GitLab `{width=…}` too), as the hover does', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-img-'));
  fs.writeFileSync(
    path.join(dir, 'til.md'),
    '# 0301 TIL\n\n**Semaphore**\n\n세마포어는 허가 수를 세는 카운터다.\n\n![diagram](/uploads/1f/sem.png){width=640 height=320}\n\n대기 큐도 함께 쓴다.\n',
  );
  const code = path.join(dir, 'wait.c');
  fs.writeFileSync(code, 'sem_wait(&slots);\n');
  const out = run('lookup', code, '1', '2', '--notes', dir);
  assert.match(out, /^Semaphore \(til\.md:3\)\n세마포어는 허가 수를 세는 카운터다\./);
  assert.doesNotMatch(out, /uploads|width=|!\[/);
});
