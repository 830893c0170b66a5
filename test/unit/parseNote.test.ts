import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../../src/core/notes/parseNote';
import { readFixture } from './helpers';

const file = '/notes/days-and-questions.md';
const note = parseNote(file, readFixture('notes/days-and-questions.md'));
const questions = note.cards.map((c) => c.question);

test('day headings start days; other H1s are sections of the current day', () => {
  assert.deepEqual(
    note.days.map((d) => d.date),
    ['03-02', '03-03', '2025-03-04'],
  );
  const deployments = note.sections.find((s) => s.title === 'Deployments');
  assert.equal(deployments?.dayId, '03-03');
  assert.equal(deployments?.topic, 'kubernetes');
  assert.equal(note.days[0].endLine < note.days[1].line, true);
});

test('every question style is found, with its answer', () => {
  assert.deepEqual(questions, [
    '문맥 교환이 무엇인지 설명해 주세요.',
    '세마포어는 뮤텍스와 무엇이 다른가요?',
    '교착 상태를 막는 방법은?',
    '커널 모드로 바뀌는 순간은 언제인가요',
    '명령어 한 줄로 pod 띄우기',
    'READY 열의 두 숫자는 무엇을 뜻하나요?',
    '웹 서버와 WAS는 어떻게 다른가요?',
    '배포는 어떻게 되돌릴까?',
    'Record의 한계는?',
    '문맥 교환이 무엇인지 설명해 주세요.',
    '답이 없는 질문인가요?',
    '파일 끝에서 끝나는 질문은 어떻게 되나요?',
  ]);
  const styles = note.cards.map((c) => c.style);
  assert.deepEqual([...new Set(styles)].sort(), ['aside', 'blockquote', 'heading']);
});

test('quoted explanations and labels stay inside the answer', () => {
  const deadlock = note.cards.find((c) => c.question.startsWith('교착 상태'))!;
  assert.match(deadlock.answer, /네 가지 조건/);
  assert.match(deadlock.answer, /CPU 스케줄러는 준비 큐/);
  assert.match(deadlock.answer, /레이블 인용도 질문이 아니다/);
  assert.ok(!questions.some((q) => q.includes('정리')));
});

test('answers stop at the next question and at headings of the same level', () => {
  const aside = note.cards.find((c) => c.question.startsWith('명령어 한 줄로'))!;
  assert.equal(aside.answer, '```\nkubectl run web --image=nginx\n```');
  const ready = note.cards.find((c) => c.question.startsWith('READY'))!;
  assert.equal(ready.answer, '준비된 컨테이너 수 / 전체 컨테이너 수.', 'the trailing <hr> is not part of the answer');
  const was = note.cards.find((c) => c.style === 'heading' && c.question.startsWith('웹 서버와 WAS'))!;
  assert.match(was.answer, /## 더 알아보기/, 'sub-headings belong to a heading question');
  assert.doesNotMatch(was.answer, /Deployments/);
});

test('cards carry file, lines, day and topic', () => {
  const first = note.cards[0];
  assert.equal(first.file, file);
  assert.equal(first.line, 5);
  assert.equal(first.endLine, 7);
  assert.equal(first.dayId, '03-02');
  assert.equal(first.topic, 'os');
  assert.equal(note.cards.find((c) => c.question.startsWith('Record'))!.topic, 'java');
});

test('a question without an answer is reported, also at the end of the file', () => {
  const missing = note.problems.filter((p) => p.code === 'question-without-answer').map((p) => p.line);
  assert.equal(missing.length, 2);
  assert.equal(note.cards.at(-1)!.answer, '');
});

test('terms come from definitions, labels, headings, pairs and front matter', () => {
  const t = parseNote('/notes/terms.md', readFixture('notes/terms-and-diagrams.md'));
  const byName = new Map(t.terms.filter((x) => x.source !== 'frontmatter').map((x) => [x.term, x]));
  assert.match(byName.get('fork')!.summary, /자식 프로세스/);
  assert.deepEqual(byName.get('뮤텍스')!.aliases, ['Mutex']);
  assert.match(byName.get('뮤텍스')!.summary, /임계 구역/);
  assert.equal(byName.get('세마포어')!.source, 'definition');
  assert.deepEqual(byName.get('교착 상태')!.aliases.includes('Deadlock'), true);
  assert.match(byName.get('TLB')!.summary, /MMU/);
  assert.equal(byName.get('스와핑')!.aliases[0], 'Swapping');
  assert.equal(byName.get('Round Robin')!.source, 'heading');
  assert.equal(byName.get('NodePort')!.topic, 'kubernetes');
  assert.ok(t.terms.some((x) => x.source === 'frontmatter' && x.aliases.includes('데드락')));
  assert.equal(t.days[0].date, '2025-03-05', 'front matter date makes a day');
});

test('every mermaid block is found, also inside a list', () => {
  const t = parseNote('/notes/terms.md', readFixture('notes/terms-and-diagrams.md'));
  assert.equal(t.diagrams.length, 2);
  assert.match(t.diagrams[0].source, /stateDiagram-v2/);
  assert.match(t.diagrams[1].source, /Deployment/);
  assert.equal(t.diagrams[1].topic, 'kubernetes');
});
