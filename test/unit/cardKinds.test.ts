// Card kinds besides the notes' questions: cloze cards from definitions, reverse cards (explanation →
// term) and diagram questions (built-in and read off the notes' state / sequence diagrams). Each kind
// is switched on its own; keys stay the same across re-indexing and edits of the wording, so
// progress and suspend follow the card. Our own notes, written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import {
  ALL_KINDS_OFF,
  CardDeck,
  clozeOf,
  generatedCards,
  isGeneratedKey,
  readOffQuestions,
  MAX_QUESTIONS_PER_DIAGRAM,
  ENGLISH_DIAGRAM_PHRASES,
  reverseQuestion,
} from '../../src/core/quiz/cardKinds';
import { ProgressBook } from '../../src/core/quiz/progress';
import { Scheduler } from '../../src/core/quiz/scheduler';
import { createSession } from '../../src/core/quiz/session';
import { BUILTIN_DIAGRAMS } from '../../src/core/diagrams/builtin';
import type { Term } from '../../src/core/model';
import { seededRng } from '../../src/core/random';

const NOTE = `# 2025-04-02 TIL

## 동기화

**세마포어**는 공유 자원에 동시에 들어갈 수 있는 스레드 수를 세는 동기화 도구이다. 값이 0이면 기다린다.

**스핀락**은 락을 쥔 쪽이 놓을 때까지 CPU를 쓰며 기다리는 락이다.

> 뮤텍스와 세마포어는 무엇이 다른가요?

뮤텍스는 한 스레드만 들어간다.

## 스레드 상태

\`\`\`mermaid
stateDiagram-v2
    Idle --> Busy : job arrives
    Busy --> Idle : job done
    Busy --> Parked : lock taken
    Parked --> Busy : lock released
\`\`\`
`;

const term = (summary: string, name = 'X'): Term => ({
  term: name,
  aliases: [],
  file: '/n/a.md',
  line: 1,
  summary,
  topic: 'os',
  source: 'definition',
  weight: 5,
});
const ON = { cloze: true, reverse: true, diagram: true };

function indexOf(text = NOTE, file = '/n/sync.md'): NoteIndex {
  const index = new NoteIndex();
  index.upsert(parseNote(file, text));
  return index;
}

// ---- cloze ----

test('cloze: a Korean definition blanks its description and keeps the head noun; English blanks after "that"; colon definitions blank the explanation', () => {
  assert.deepEqual(
    clozeOf(term('**세마포어**는 공유 자원에 동시에 들어갈 수 있는 스레드 수를 세는 동기화 도구이다. 값이 0이면 기다린다.', '세마포어')),
    {
      question: '세마포어는 ___ 동기화 도구이다.',
      hidden: '공유 자원에 동시에 들어갈 수 있는 스레드 수를 세는',
    },
  );
  // "방법이다" alone could be anything (a new user found such cards too vague): the word before it stays.
  assert.deepEqual(clozeOf(term('**프로브**는 컨테이너가 살아 있는지 보는 방법이다.')), {
    question: '프로브는 ___ 보는 방법이다.',
    hidden: '컨테이너가 살아 있는지',
  });
  // "것이다" says nothing alone: the word before it stays.
  assert.equal(clozeOf(term('**요청**은 컨테이너가 쓸 메모리를 미리 적어 두는 것이다.'))?.question, '요청은 ___ 두는 것이다.');
  assert.deepEqual(clozeOf(term('**Spinlock** is a lock that keeps the CPU busy while it waits. More.')), {
    question: 'Spinlock is a lock that ___.',
    hidden: 'keeps the CPU busy while it waits',
  });
  assert.deepEqual(clozeOf(term('fork() : 호출한 프로세스를 복제해 자식을 만든다', 'fork')), {
    question: 'fork() : ___',
    hidden: '호출한 프로세스를 복제해 자식을 만든다',
  });
  assert.equal(clozeOf(term('**X**는 Y이다.')), undefined, 'nothing to blank');
  assert.equal(clozeOf(term('**X**를 쓰면 빨라진다.')), undefined, 'not a definition');
  assert.ok(
    clozeOf(term('**X**는 0.5코어만큼 쓰는 작은 단위이다. 그다음 문장.'))?.question.endsWith('단위이다.'),
    'a decimal point does not end the sentence',
  );
});

test("cloze cards come from the notes' definitions, with places in their section and day; the key is the term, so an edited definition keeps its card", () => {
  const index = indexOf();
  const cloze = generatedCards(index, { ...ALL_KINDS_OFF, cloze: true });
  assert.ok(cloze.length >= 2, `two definitions, got ${cloze.map((c) => c.question)}`);
  assert.ok(cloze.every((c) => c.kind === 'cloze' && isGeneratedKey(c.key)));
  const sema = cloze.find((c) => c.question.startsWith('세마포어는 ___'));
  assert.ok(sema);
  assert.match(sema.answer, /^\*\*공유 자원에/, 'the answer names what the blank hides, then the definition');
  assert.equal(sema.places[0].file, '/n/sync.md');
  assert.ok(sema.places[0].sectionId && sema.places[0].dayId, 'in a section and a day, so day and section scopes ask it');
  const edited = indexOf(NOTE.replace('스레드 수를 세는', '스레드의 수를 세어 막는'));
  const after = generatedCards(edited, { ...ALL_KINDS_OFF, cloze: true }).find((c) => c.question.startsWith('세마포어는'));
  assert.equal(after?.key, sema.key, 'same key after an edit');
  assert.notEqual(after?.answer, sema.answer, 'the answer follows the edit');
});

test("the same term defined in a starter note and in the user's note: one cloze card, worded by the user's note", () => {
  const index = new NoteIndex();
  index.upsert({
    ...parseNote('/a/starter.md', '# 세마포어\n\n**세마포어**는 카운터 하나로 들어갈 수를 정하는 잠금 도구이다.\n'),
    source: 'starter',
  });
  index.upsert(parseNote('/z/mine.md', NOTE));
  const sema = generatedCards(index, { ...ALL_KINDS_OFF, cloze: true }).filter((c) => c.question.startsWith('세마포어는'));
  assert.equal(sema.length, 1);
  assert.equal(sema[0].question, '세마포어는 ___ 동기화 도구이다.');
  assert.deepEqual(
    sema[0].places.map((p) => p.file),
    ['/z/mine.md', '/a/starter.md'],
  );
});

// ---- reverse ----

test('reverse cards: the explanation with the term blanked is the question, the term the answer', () => {
  assert.equal(
    reverseQuestion('**세마포어**는 공유 자원에 들어갈 수를 세는 도구이다.', ['세마포어']),
    '___는 공유 자원에 들어갈 수를 세는 도구이다.',
  );
  assert.equal(reverseQuestion('**X**는 짧다.', ['X']), undefined, 'too little left to recall from');
  const long = reverseQuestion(`**X**는 ${'아주 긴 설명이 이어진다 '.repeat(40)}`, ['X']);
  assert.ok(long && long.length <= 300 && long.endsWith('…'), 'clipped at a word');
  const index = indexOf();
  const reverse = generatedCards(index, { ...ALL_KINDS_OFF, reverse: true });
  const sema = reverse.find((c) => c.answer.startsWith('**세마포어**'));
  assert.ok(sema, `reverse cards: ${reverse.map((c) => c.answer.slice(0, 20))}`);
  assert.ok(!sema.question.includes('세마포어'), 'the term is not in its own question');
  assert.equal(sema.kind, 'reverse');
});

// ---- diagrams ----

test("diagram questions: the built-in diagrams' own questions (SDP answer, TURN relay, dispatch) and questions read off state and sequence diagrams", () => {
  const cards = generatedCards(indexOf(''), { ...ALL_KINDS_OFF, diagram: true });
  const ask = (q: string) => cards.find((c) => c.question === q);
  assert.match(ask('Who sends the SDP answer?')?.answer ?? '', /Peer B/);
  assert.match(ask('Which server relays media when a direct path fails?')?.answer ?? '', /TURN/);
  assert.match(ask('What state follows Ready when the scheduler dispatches the process?')?.answer ?? '', /Running/);
  assert.ok(!cards.some((c) => c.question.includes('on “dispatch”')), 'the hand-written question replaces the read-off one');
  const exit = cards.find((c) => c.question === 'Process States: what state follows “Running” on “exit”?');
  assert.match(exit?.answer ?? '', /^\*\*Terminated\*\*/);
  assert.ok(
    !cards.some((c) => /who sends “binding request” to STUN server/.test(c.question)),
    'both peers send it: two answers, no question',
  );
  for (const c of cards) {
    assert.equal(c.kind, 'diagram');
    assert.ok(c.diagramId && BUILTIN_DIAGRAMS.some((d) => d.id === c.diagramId));
    assert.equal(c.places.length, 0, 'built-in diagrams are in no note');
  }
  assert.equal(new Set(cards.map((c) => c.key)).size, cards.length, 'keys are unique');
});

test("diagram questions from a note's state diagram sit in its section; keys do not depend on the wording", () => {
  const index = indexOf();
  const english = generatedCards(index, { ...ALL_KINDS_OFF, diagram: true }).filter((c) => c.places.length);
  const busy = english.find((c) => c.question === '스레드 상태: what state follows “Busy” on “lock taken”?');
  assert.ok(busy, english.map((c) => c.question).join('\n'));
  assert.match(busy.answer, /^\*\*Parked\*\*/);
  assert.ok(busy.places[0].sectionId);
  const korean = generatedCards(
    index,
    { ...ALL_KINDS_OFF, diagram: true },
    { nextState: '{title}: {from}에서 {label} 뒤 상태는?', sender: '{label}을 {to}에게 보내는 쪽은?' },
  );
  const same = korean.find((c) => c.key === busy.key);
  assert.equal(same?.question, '스레드 상태: Busy에서 lock taken 뒤 상태는?');
});

test('a diagram with hundreds of transitions gives at most a dozen questions', () => {
  const lines = ['stateDiagram-v2'];
  for (let i = 0; i < 500; i++) lines.push(`    S${i} --> S${i + 1} : step ${i}`);
  assert.equal(readOffQuestions(lines.join('\n'), 'Big', ENGLISH_DIAGRAM_PHRASES).length, MAX_QUESTIONS_PER_DIAGRAM);
  assert.deepEqual(readOffQuestions('pie\n  "a" : 1', 'Pie', ENGLISH_DIAGRAM_PHRASES), []);
});

// ---- switches, the deck, sessions ----

test("each kind is switched on its own; all off leaves only the notes' questions", () => {
  const index = indexOf();
  assert.deepEqual(generatedCards(index, ALL_KINDS_OFF), []);
  for (const kind of ['cloze', 'reverse', 'diagram'] as const) {
    const cards = generatedCards(index, { ...ALL_KINDS_OFF, [kind]: true });
    assert.ok(cards.length > 0, kind);
    assert.ok(
      cards.every((c) => c.kind === kind),
      kind,
    );
  }
  let switches = { ...ALL_KINDS_OFF };
  const deck = new CardDeck(index, () => switches);
  assert.equal(deck.cardGroups().length, index.cardGroups().length);
  switches = { ...ON };
  assert.ok(deck.cardGroups().length > index.cardGroups().length, 'a switch change is seen at once');
  deck.dispose();
});

test('a quiz over the deck asks cloze and diagram cards; a topic quiz includes the built-in diagrams of that topic; a note quiz only what is in the note', () => {
  const index = indexOf();
  const deck = new CardDeck(index, () => ON);
  const deps = { book: new ProgressBook(), scheduler: new Scheduler(), now: () => new Date(2025, 3, 2, 12), rng: seededRng(3) };
  const all = createSession(deck, { scope: 'due' }, deps);
  const kinds = new Set(all.items.map((i) => (i.kind === 'card' ? (i.cardKind ?? 'question') : 'term')));
  assert.deepEqual([...kinds].sort(), ['cloze', 'diagram', 'question', 'reverse']);
  const placeless = all.items.map((i) => i.kind === 'card' && i.places.length === 0);
  assert.ok(
    placeless.indexOf(true) > 0 && placeless.slice(placeless.indexOf(true)).every(Boolean),
    "new cards from the notes come before the built-in diagrams' questions",
  );
  const webrtc = createSession(deck, { scope: 'topic', value: 'webrtc' }, deps);
  assert.ok(webrtc.items.some((i) => i.kind === 'card' && i.question === 'Who sends the SDP answer?'));
  const note = createSession(deck, { scope: 'note', value: '/n/sync.md' }, deps);
  assert.ok(note.items.length > 0 && note.items.every((i) => i.kind === 'card' && i.places.length > 0));
  deck.dispose();
});

test('a suspended cloze card stays suspended after a re-index and an edit of its definition; its progress is never moved to another card', () => {
  const index = indexOf();
  const deck = new CardDeck(index, () => ON);
  const book = new ProgressBook();
  let t = new Date(2025, 3, 2, 12).getTime();
  const deps = { book, scheduler: new Scheduler(), now: () => new Date(t), rng: seededRng(3) };
  const s = createSession(deck, { scope: 'note', value: '/n/sync.md' }, deps);
  while (s.current() && !(s.current()!.kind === 'card' && (s.current() as { cardKind?: string }).cardKind === 'cloze')) s.skip();
  const cloze = s.current()!;
  s.grade(3);
  const graded = cloze.key;
  const again = createSession(deck, { scope: 'note', value: '/n/sync.md' }, deps);
  while (again.current()?.key !== graded) again.skip();
  // Suspend it through the book as the panel would, then re-index an edited note.
  book.hide(graded, 'suspended', cloze.kind === 'card' ? cloze.question : '', new Date(t), { files: ['/n/sync.md'] });
  index.upsert(parseNote('/n/sync.md', NOTE.replace('스레드 수를 세는', '스레드 수를 세어 막는').replace('## 동기화', '## 동기화 도구')));
  const reconciled = book.reconcile(index.cardGroups());
  assert.ok(!reconciled.migrated.some((m) => m.from === graded), 'a generated card is never taken for a renamed question');
  assert.ok(book.card(graded), 'its progress stays under its key');
  t += 86_400_000 * 30;
  const later = createSession(deck, { scope: 'due' }, deps);
  assert.ok(!later.items.some((i) => i.key === graded), 'still suspended');
  assert.ok(
    deck.cardGroups().some((g) => g.key === graded),
    'the card itself is still there',
  );
  book.unhide(graded, new Date(t));
  assert.ok(
    createSession(deck, { scope: 'due' }, deps).items.some((i) => i.key === graded),
    'undo brings it back',
  );
  deck.dispose();
});
