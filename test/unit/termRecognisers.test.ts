// Each term recogniser on its own, over a few lines written the way people write study notes (our own words).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../../src/core/notes/parseNote';
import type { TermSource } from '../../src/core/model';
import { namesOfTitle } from '../../src/core/notes/terms/names';

/** Terms of one source in a note, as `term[alias|alias]@line`. */
function terms(markdown: string, source: TermSource): string[] {
  return parseNote('/n.md', markdown)
    .terms.filter((t) => t.source === source)
    .map((t) => `${t.term}${t.aliases.length ? `[${t.aliases.join('|')}]` : ''}@${t.line}`);
}

test('heading: plurals, "Recap -" prefixes and aspect words are normalised; the section explains it', () => {
  const note = [
    '# Recap - Services',
    '',
    '---',
    '',
    '파드 앞에 고정 주소를 둔다.',
    '',
    '# Ingresses',
    '',
    '### 경로 규칙',
    '',
    '호스트와 경로로 나눈다.',
    '',
    '## Kubelet의 역할',
    '',
    '노드마다 도는 에이전트.',
    '',
    '### 참고',
    '',
    '링크 모음',
  ].join('\n');
  assert.deepEqual(terms(note, 'heading'), ['Services[Service]@1', 'Ingresses[Ingress]@7', '경로 규칙@9', 'Kubelet@13']);
  const parsed = parseNote('/n.md', note);
  const ingress = parsed.terms.find((t) => t.term === 'Ingresses')!;
  assert.match(ingress.summary, /\*\*경로 규칙\*\*/, 'a sub-heading inside the section shows as a bold line');
  assert.doesNotMatch(parsed.terms.find((t) => t.term === 'Services')!.summary, /---/, 'rules are dropped');
});

test('heading: a section that is only a code block ranks below a passage that says what the thing is', () => {
  const note = [
    '### VO',
    '',
    '```java',
    'record Money(long won) {}',
    '```',
    '',
    '### VO란 무엇인가요?',
    '',
    '값으로만 같고 다름을 따지는 작은 불변 객체다.',
  ].join('\n');
  const parsed = parseNote('/n.md', note);
  const heading = parsed.terms.find((t) => t.source === 'heading')!;
  const question = parsed.terms.find((t) => t.source === 'question')!;
  assert.ok(question.weight > heading.weight, `${question.weight} > ${heading.weight}`);
});

test('label: a bold or bracketed phrase alone, with the paragraph or list under it', () => {
  const note = [
    '**Semaphore**',
    '',
    '세는 값으로 동시에 들어갈 수를 정한다.',
    '',
    '**[ 고아 프로세스 ]**',
    '',
    '- 부모가 먼저 끝난 자식',
    '- init이 새 부모가 된다',
    '',
    '**SDP Offer / Answer 과정 (서로 코덱 맞추기!)**',
    '',
    '1. 제안을 보낸다',
    '',
    '**끝**',
  ].join('\n');
  assert.deepEqual(terms(note, 'label'), ['Semaphore@1', '고아 프로세스@5', 'SDP Offer / Answer[SDP Offer|SDP Answer]@10']);
});

test('definition: a bold lead with a particle or colon, and `name() : what it does` list items', () => {
  const note = [
    '**캐시 라인**은 메모리와 캐시가 주고받는 최소 단위다.',
    '',
    '- dup2() : 파일 디스크립터를 복제',
    '- kill() : 신호 보내기',
    '- 12 : 숫자는 이름이 아니다',
  ].join('\n');
  assert.deepEqual(terms(note, 'definition'), ['캐시 라인@1', 'dup2@3', 'kill@4']);
});

test('sentence: `X는 …다`, `X란 …`, `X is a …` anywhere in a paragraph; pronouns and clauses are not subjects', () => {
  const note = [
    '포트가 둘 있다. containerPort는 컨테이너가 여는 포트이다. 그것은 중요하다.',
    '',
    '스케줄러란 다음에 돌 프로세스를 고르는 부분이다.',
    '',
    'A watchdog is a timer that resets a stuck system.',
    '',
    '우리가 사용하는 도구는 많다. 이제 프로그램은 끝난다.',
  ].join('\n');
  assert.deepEqual(terms(note, 'sentence'), ['containerPort@1', '스케줄러@3', 'watchdog@5']);
});

test('question: the concept a question asks about is explained by its answer', () => {
  const note = [
    '## Optional을 필드로 쓰면 안 되나요?',
    '',
    '직렬화가 안 되고 null 검사를 한 번 더 하게 된다.',
    '',
    '> 운영체제의 가상 메모리에 대해 설명해 주세요.',
    '',
    '디스크를 메모리처럼 쓰는 기법.',
    '',
    '> What is a cgroup?',
    '',
    'A kernel feature that limits resources.',
  ].join('\n');
  assert.deepEqual(terms(note, 'question'), ['Optional@1', '가상 메모리@5', 'cgroup@9']);
});

test('mention: identifiers in prose or inline code, the first per note, below every definition', () => {
  const note = [
    '자식은 `execve()`로 바뀌고 부모는 waitpid()로 기다린다. 다시 waitpid()를 쓴다. `final` 키워드는 빼고.',
    '',
    'Pod 스펙의 restartPolicy와 max_retries 값을 본다. http://example.invalid/a_b 는 링크다.',
  ].join('\n');
  assert.deepEqual(terms(note, 'mention'), ['execve@1', 'waitpid@1', 'restartPolicy@3', 'max_retries@3']);
  assert.ok(
    parseNote('/n.md', note)
      .terms.filter((t) => t.source === 'mention')
      .every((t) => t.weight <= 1),
  );
});

test('pair: `한글(English)` and `ABC (Long Name)` in running text', () => {
  assert.deepEqual(terms('메모리가 모자라면 스와핑(Swapping)을 한다. DMA (Direct Memory Access) 덕분이다.', 'pair'), [
    '스와핑[Swapping]@1',
    'DMA[Direct Memory Access]@1',
  ]);
});

test('names: remarks in parentheses are not names; aspect words and plurals go', () => {
  assert.deepEqual(namesOfTitle('ICE Candidate 교환 과정 ( 너 누구야 ? )'), { term: 'ICE Candidate', aliases: [] });
  assert.deepEqual(namesOfTitle('Media Server가 하는 일'), { term: 'Media Server', aliases: [] });
  assert.deepEqual(namesOfTitle('교착 상태(Deadlock)'), { term: '교착 상태', aliases: ['Deadlock'] });
  assert.deepEqual(namesOfTitle('Pods and ReplicaSets'), { term: 'Pods and ReplicaSets', aliases: [] });
  assert.equal(namesOfTitle('참고'), undefined);
});
