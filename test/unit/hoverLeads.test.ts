// Hovers lead with the sentence that says what the term is, not a neighbouring paragraph: a question that asks
// something else about the term (when to use it) gives way to a sentence that defines it; a question's answer stops
// at its first sub-heading; a section that opens on a rule and a label is led by its defining sentence, and what the
// term can do is not what it is. Fixtures in our own words; the last tests run the CLI over the user's real notes
// beside the clone (a Java record DTO, a Deployment's replicas, a class named MemberDto) and skip without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { opensWithDefinition } from '../../src/core/notes/terms/definingPassage';
import { cliHoverOverSeed, seedSkip } from './seedHover';

function summaryOf(markdown: string, name: string): string {
  const index = new NoteIndex();
  index.upsert(parseNote('/ws/notes.md', markdown));
  const term = index.term(name);
  assert.ok(term, `${name} is explained`);
  return term.summary;
}

test('a question about when to use a term gives way to the sentence that says what it is', () => {
  const md = [
    '# 2025-02-03 TIL',
    '',
    '## Cache와 Buffer는 언제 쓰나요?',
    '',
    '**Cache를 쓸 때**',
    '',
    '1. 같은 값을 여러 번 다시 읽을 때 유리하다.',
    '',
    '## 용어 정리',
    '',
    'Cache는 자주 읽는 값을 가까운 곳에 복사해 두는 저장소이다.',
  ].join('\n');
  assert.match(summaryOf(md, 'cache'), /^Cache는 자주 읽는 값을/);
});

test('a question whose answer opens by saying what the term is keeps it, up to its first sub-heading', () => {
  const md = [
    '# 2025-02-04 TIL',
    '',
    '## Lease를 왜 쓰나요?',
    '',
    'Lease는 정해진 시간 동안만 유효한 잠금이다. 시간이 지나면 저절로 풀린다.',
    '',
    '### 예시',
    '',
    '```go',
    'lease := grant(10)',
    '```',
    '',
    '## 용어 정리',
    '',
    'Lease는 빌려 쓰는 권리를 뜻한다.',
  ].join('\n');
  const summary = summaryOf(md, 'lease');
  assert.match(summary, /^Lease는 정해진 시간 동안만 유효한 잠금이다/);
  assert.doesNotMatch(summary, /예시|grant/, 'the sub-section under the answer is a neighbouring topic');
});

test('a section opening on a rule and a label is led by the sentence saying what the term is, not what it can do', () => {
  const md = [
    '# Recap - Watchers',
    '',
    '---',
    '',
    '**컨트롤러 이야기부터 해 보자.**',
    '',
    '클러스터 상태를 지켜보고 반응하는 프로세스들이 있다.',
    '',
    'Watcher는 다른 네임스페이스의 객체도 지켜볼 수 있다.',
    '',
    'Watcher는 바뀐 객체를 알려 주는 구성 요소이다. 알림은 큐로 들어간다.',
  ].join('\n');
  assert.match(summaryOf(md, 'watcher'), /^Watcher는 바뀐 객체를 알려 주는 구성 요소이다/);
});

test('opensWithDefinition reads the first line of text only', () => {
  assert.equal(opensWithDefinition('![x](a.png)\n\n---\n\nLease는 잠금이다.', ['Lease']), true);
  assert.equal(opensWithDefinition('**Lease를 쓸 때**\n\nLease는 잠금이다.', ['Lease']), false);
  assert.equal(opensWithDefinition('Lease는 왜 필요할까? 잠금이 풀리지 않으니까.', ['Lease']), false);
  assert.equal(opensWithDefinition('A lease is a lock that expires.', ['lease']), true);
});

const skip = seedSkip;
const cliHover = cliHoverOverSeed;

/** The passage the hover leads with: after the heading line (and "`x` in the code" under it). */
const cliHoverLead = (file: string, code: string, line: number, column: number) => cliHover(file, code, line, column).split('\n\n')[1];

// Code in the shape of real projects (a Spring DTO as a record, a Deployment manifest).
const RECORD = 'package shop.member;\n\npublic record MemberDto(String name, String email) {\n}\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  replicas: 3\n';

test('the real notes: `record` leads with the sentence saying what a record is, without the DTO section under it', { skip }, () => {
  const markdown = cliHover('MemberDto.java', RECORD, 3, 9);
  assert.match(markdown.split('\n\n')[1], /^Record는 /);
  const passage = markdown.split('_Also')[0];
  assert.doesNotMatch(passage, /MemberDto|```/, passage);
});

test('the real notes: a class named MemberDto leads with the sentence saying what a DTO is', { skip }, () => {
  assert.match(cliHoverLead('MemberDto.java', RECORD, 3, 17), /^DTO는 /);
});

test('the real notes: `replicas:` leads with the sentence saying what a ReplicaSet is', { skip }, () => {
  assert.match(cliHoverLead('deploy.yaml', DEPLOYMENT, 6, 4), /^ReplicaSet은 /);
});
