// Quiz core, the cards themselves: the term mode's choices, the answer sanitiser, interval labels, a session over
// 10,000 cards and the webview messages' checks. Clock and randomness are injected (quiz.test.ts has scheduling).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import type { Card, ParsedNote, Term } from '../../src/core/model';
import { formatInterval, Scheduler, type QuizGrade } from '../../src/core/quiz/scheduler';
import { seededRng } from '../../src/core/random';
import { createSession } from '../../src/core/quiz/session';
import { BLANK } from '../../src/core/quiz/termChoices';
import { sanitizeHtml } from '../../src/core/quiz/sanitize';
import { clock, DAY, deps, MIN, T0 } from './quizClock';

// ---- term mode ----

function termNote(): ParsedNote {
  const terms: Term[] = [];
  const add = (term: string, topic: Term['topic'], summary: string, aliases: string[] = []) =>
    terms.push({ term, aliases, file: '/n/glossary.md', line: terms.length + 1, summary, topic, source: 'definition', weight: 5 });
  add('Process', 'os', 'A Process is a running program with its own address space.');
  add('Thread', 'os', 'The unit of CPU scheduling inside a process.');
  add('Mutex', 'os', 'A lock that only its owner can release.', ['뮤텍스']);
  add('Semaphore', 'os', 'A counter that limits how many threads enter.');
  add('Page fault', 'os', 'An access to a page not in memory.');
  add('Pod', 'kubernetes', 'The smallest deployable unit.');
  return { file: '/n/glossary.md', hash: 'x', days: [], sections: [], cards: [], terms, diagrams: [], problems: [] };
}

test('the term mode offers four distinct choices including the right one, deterministically', () => {
  const c = clock();
  const index = new NoteIndex();
  index.upsert(termNote());
  const run = (seed: number) =>
    createSession(index, { scope: 'topic', value: 'os', mode: 'terms' }, { ...deps(c.now), rng: seededRng(seed) });
  const session = run(1);
  assert.equal(session.items.length, 5);
  for (const item of session.items) {
    assert.equal(item.kind, 'term');
    if (item.kind !== 'term') continue;
    assert.equal(item.choices.length, 4);
    assert.equal(new Set(item.choices.map((x) => x.toLowerCase())).size, 4, `distinct: ${item.choices}`);
    assert.equal(item.choices[item.answer], item.term);
    assert.ok(
      item.choices.every((ch) => ch !== 'Pod'),
      'distractors come from the same topic when it has enough',
    );
    assert.ok(!item.prompt.toLowerCase().includes(item.term.toLowerCase()), `the prompt does not give the answer away: ${item.prompt}`);
  }
  const process = session.items.find((i) => i.kind === 'term' && i.term === 'Process');
  assert.equal(process?.kind === 'term' && process.prompt, `A ${BLANK} is a running program with its own address space.`);
  assert.deepEqual(run(1).items, session.items, 'same seed, same questions');
  assert.notDeepEqual(
    run(2).items.map((i) => (i.kind === 'term' ? i.choices : [])),
    session.items.map((i) => (i.kind === 'term' ? i.choices : [])),
  );

  // Right pick = Good, wrong pick = Again; progress is kept per term.
  const first = session.current();
  assert.ok(first && first.kind === 'term');
  assert.equal(session.choose(first.answer).correct, true);
  const second = session.current();
  assert.ok(second && second.kind === 'term');
  const wrong = (second.answer + 1) % 4;
  const r = session.choose(wrong);
  assert.equal(r.correct, false);
  assert.equal(r.grade, 1);
  const d1 = session['deps'].book.term(first.key)!;
  const d2 = session['deps'].book.term(second.key)!;
  assert.ok(Date.parse(d1.due) > Date.parse(d2.due));
  // A topic with too few terms borrows from the others; a single term alone cannot be asked.
  const pod = createSession(index, { scope: 'topic', value: 'kubernetes', mode: 'terms' }, deps(c.now));
  assert.equal(pod.items.length, 1);
  const lonely = new NoteIndex();
  lonely.upsert({ ...termNote(), terms: termNote().terms.slice(0, 2) });
  assert.equal(createSession(lonely, { scope: 'due', mode: 'terms' }, deps(c.now)).isEmpty, true);
});

// ---- sanitiser ----

test('answers are sanitised: no scripts, handlers or javascript: links; missing images become text', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-quiz-'));
  fs.writeFileSync(path.join(dir, 'ok.png'), 'png');
  const resolveImage = (src: string) => (fs.existsSync(path.join(dir, src)) ? `https://file+.vscode-resource/${src}` : undefined);
  const html = [
    '<p onclick="evil()">Hi <strong>there</strong><script>alert(1)</script></p>',
    '<a href="javascript:alert(1)">x</a><a href="JaVaScRiPt&#58;alert(1)">y</a><a href=" java\tscript:alert(1)">z</a>',
    '<a href="https://example.com/a?b=1&amp;c=2" onmouseover=alert(1)>ok</a>',
    '<img src="missing.png" alt="diagram" onerror="alert(1)"><img src="ok.png" alt="fine">',
    '<img src="x" data-src="ok.png"><img src="javascript:alert(1)">',
    '<iframe src="https://evil"></iframe><style>body{}</style><svg><script>1</script></svg>',
    '<!-- hidden --><div style="color:red" class="code-line">kept</div><custom-tag>inner</custom-tag>',
    '<input type="checkbox" checked onclick="x"><input type="text" value="x">',
    '<a title="a>b" onclick="x">t</a> 1 < 2 <img src=x onerror=alert(1)',
  ].join('\n');
  const out = sanitizeHtml(html, { resolveImage, imagePlaceholder: (alt) => `[image: ${alt}]` });
  assert.doesNotMatch(out, /<script|<iframe|<style|<svg|alert\(1\)<\/script/i);
  assert.doesNotMatch(out, /<[^>]*\son[a-z]+\s*=/i, out);
  assert.doesNotMatch(out, /href="[^"]*script:/i);
  assert.match(out, /&lt;img src=x onerror=alert\(1\)$/, 'an unclosed tag is left as text');
  assert.match(out, /<p>Hi <strong>there<\/strong><\/p>/);
  assert.match(out, /<a href="https:\/\/example.com\/a\?b=1&amp;c=2">ok<\/a>/);
  assert.match(out, /<span class="image-placeholder" role="img" aria-label="\[image: diagram\]">\[image: diagram\]<\/span>/);
  assert.match(out, /<img src="https:\/\/file\+\.vscode-resource\/ok\.png" alt="fine">/);
  assert.equal((out.match(/<img /g) ?? []).length, 2, out);
  assert.match(out, /<div class="code-line">kept<\/div>inner/);
  assert.match(out, /1 &lt; 2/);
  assert.match(out, /<input type="checkbox" checked="" disabled="">/);
  assert.doesNotMatch(out, /type="text"/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('intervals are shown short', () => {
  assert.equal(formatInterval(T0, new Date(T0.getTime() + 30_000)), '<1m');
  assert.equal(formatInterval(T0, new Date(T0.getTime() + 10 * MIN)), '10m');
  assert.equal(formatInterval(T0, new Date(T0.getTime() + 3 * DAY)), '3d');
});

// ---- speed ----

function bigCorpus(cards: number, files: number): ParsedNote[] {
  const notes: ParsedNote[] = [];
  const topics = ['os', 'kubernetes', 'webrtc', 'web', 'java'] as const;
  for (let f = 0; f < files; f++) {
    const file = `/big/note-${f}.md`;
    const list: Card[] = [];
    for (let i = f; i < cards; i += files) {
      const question = `Question number ${i} about ${topics[i % 5]} topic ${Math.floor(i / 7)}?`;
      list.push({
        key: `question${i}`,
        question,
        answer: `Answer ${i}`,
        style: 'blockquote',
        topic: topics[i % 5],
        file,
        line: list.length * 4 + 1,
        endLine: list.length * 4 + 3,
        dayId: `d${f}`,
      });
    }
    notes.push({ file, hash: String(f), days: [], sections: [], cards: list, terms: [], diagrams: [], problems: [] });
  }
  return notes;
}

// Speed is measured by `npm run bench` (step 8); this checks a 10,000-card session is right.
test('a session over 10,000 cards orders due reviews first and keeps every card', () => {
  const c = clock();
  const index = new NoteIndex();
  index.upsertMany(bigCorpus(10_000, 200));
  const d = deps(c.now);
  const s = new Scheduler();
  // Half of the cards have progress, spread over the past and the future.
  const groups = index.cardGroups();
  for (let i = 0; i < groups.length; i += 2) {
    const at = new Date(T0.getTime() - ((i * 7919) % 60) * DAY);
    d.book.setCard(groups[i].key, { ...s.review(undefined, ((i % 4) + 1) as QuizGrade, at), question: groups[i].question });
  }
  for (const scope of [{ scope: 'due' as const }, { scope: 'topic' as const, value: 'os' }]) {
    const session = createSession(index, scope, d);
    assert.ok(session.items.length > 1000, `${session.items.length} items`);
    assert.equal(new Set(session.items.map((i) => i.key)).size, session.items.length, 'no card twice');
  }
  assert.equal(d.book.reconcile(index.cardGroups()).migrated.length, 0);
});

test('webview messages are checked before the host acts on them', async () => {
  const { parseWebviewMessage, parseHostMessage } = await import('../../src/shared/quizProtocol');
  const { format } = await import('../../src/shared/webviewProtocol');
  assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseWebviewMessage({ type: 'grade', key: 'k', grade: 3 }), { type: 'grade', key: 'k', grade: 3 });
  assert.equal(parseWebviewMessage({ type: 'grade', key: 'k', grade: 5 }), undefined);
  assert.equal(parseWebviewMessage({ type: 'choose', key: 'k', choice: 1.5 }), undefined);
  assert.equal(parseWebviewMessage({ type: 'openNote' }), undefined);
  assert.deepEqual(parseWebviewMessage({ type: 'act', key: 'k', action: 'suspend' }), { type: 'act', key: 'k', action: 'suspend' });
  assert.equal(parseWebviewMessage({ type: 'act', key: 'k', action: 'delete' }), undefined, 'only the four card actions');
  assert.equal(parseWebviewMessage({ type: 'act', action: 'skip' }), undefined, 'an action names its card');
  assert.deepEqual(parseWebviewMessage({ type: 'undo', key: 'k' }), { type: 'undo', key: 'k' });
  assert.equal(parseWebviewMessage({ type: 'undo', key: 3 }), undefined);
  assert.equal(parseWebviewMessage({ type: 'eval', code: '1' }), undefined);
  assert.equal(parseWebviewMessage(null), undefined);
  assert.equal(parseHostMessage({ type: 'show' }), undefined, 'no session id');
  assert.equal(parseHostMessage({ type: 'eval', sessionId: 's' }), undefined);
  assert.equal(format('{0} of {1}', 3, 12), '3 of 12');
});
