import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanInline, isQuestionText, questionKey, splitIdentifier, stripParticles, termKey } from '../../src/core/text';
import { dateFromFileName, parseDayHeading } from '../../src/core/notes/dates';

test('questions are recognised in every style the author writes', () => {
  for (const q of [
    '시스템 콜이 무엇인지 설명해 주세요.',
    '❗**Record와 VO를 비교해주세요.**',
    '💡 **왜 필요할까?**',
    '성능 고려 사항은?',
    '다대다 화상회의는 ?',
    'Is this a question?',
    '커널 모드로 바뀌는 순간은 언제인가요',
  ]) {
    assert.equal(isQuestionText(q), true, q);
  }
  for (const s of [
    'CPU 스케줄러는 준비 큐에서 다음 작업을 고른다.',
    '**정리**',
    'Deployments',
    '롤링 업데이트',
    'DTO와 Record 비교하기',
    '',
  ]) {
    assert.equal(isQuestionText(s), false, s);
  }
});

test('cleanInline strips emoji markers and emphasis', () => {
  assert.equal(cleanInline('❗**컨텍스트 스위칭은 언제 일어날까요?**'), '컨텍스트 스위칭은 언제 일어날까요?');
  assert.equal(cleanInline('💡  **뮤텍스**'), '뮤텍스');
});

test('question keys ignore spacing, punctuation and markers', () => {
  assert.equal(questionKey('❗ **Deadlock 이 뭔가요?**'), questionKey('Deadlock이 뭔가요 ?'));
});

test('term keys and identifier splitting', () => {
  assert.equal(termKey('Node Port'), termKey('node-port'));
  assert.equal(termKey('NodePort'), termKey('node_port'));
  assert.deepEqual(splitIdentifier('pthread_mutex_lock'), ['pthread', 'mutex', 'lock']);
  assert.deepEqual(splitIdentifier('RTCPeerConnection'), ['RTC', 'Peer', 'Connection']);
  assert.deepEqual(splitIdentifier('createOffer'), ['create', 'Offer']);
  assert.deepEqual(splitIdentifier('node-port'), ['node', 'port']);
});

test('Korean particles are stripped to find the noun', () => {
  assert.ok(stripParticles('프로세스는').includes('프로세스'));
  assert.ok(stripParticles('스레드에서').includes('스레드'));
  assert.ok(stripParticles('교착 상태를').includes('교착 상태'));
});

test('day headings in the styles people write them', () => {
  assert.equal(parseDayHeading('1월 13일 TIL')?.date, '01-13');
  assert.equal(parseDayHeading('0114 TIL')?.date, '01-14');
  assert.equal(parseDayHeading('2025-01-15 TIL')?.date, '2025-01-15');
  assert.equal(parseDayHeading('TIL 2025.01.16')?.date, '2025-01-16');
  assert.equal(parseDayHeading('2025년 1월 17일')?.date, '2025-01-17');
  assert.equal(parseDayHeading('Jan 18, 2025')?.date, '2025-01-18');
  for (const notDay of ['Deployments', 'Recap - ReplicaSets', '0114', '13월 40일 TIL', 'WAS와 웹 서버의 차이점은 무엇인가요?']) {
    assert.equal(parseDayHeading(notDay), undefined, notDay);
  }
  assert.equal(dateFromFileName('notes/2025-02-01-os.md')?.date, '2025-02-01');
});

test('inline formatting tags and emoji shortcodes are not part of a question', () => {
  assert.equal(cleanInline('Create an <code>nginx</code> Pod named <b>web</b>'), 'Create an nginx Pod named web');
  assert.equal(cleanInline('What does <T> mean in a generic?'), 'What does <T> mean in a generic?');
  assert.equal(cleanInline(':question: 객체지향 (OOP)'), '객체지향 (OOP)');
  assert.equal(cleanInline(':notebook: 관계형 DB'), '관계형 DB');
  assert.equal(cleanInline('Meet at 12:30:45 today'), 'Meet at 12:30:45 today');
  assert.equal(isQuestionText(':question: 객체지향 (OOP)'), false, 'a shortcode is not a "Question:" marker');
});

test('English requests with a quantity, and which/what + noun questions, without a question mark', () => {
  for (const q of [
    'Name three garbage collectors shipped with the JDK',
    'Cite a few tools used for load tests',
    'List all the states of a pod',
    'Which flags are used for printing GC logs',
    'What tools do you use for tracing',
  ]) {
    assert.equal(isQuestionText(q), true, q);
  }
  for (const h of ['List comprehension', 'Name resolution in DNS', 'Give and take', 'Which-key plugin setup']) {
    assert.equal(isQuestionText(h), false, h);
  }
});

test('a question with a rewording in brackets is a question; nested brackets are read once each', () => {
  assert.equal(isQuestionText('TLB가 하는 일을 설명해 주세요. (주소 변환 캐시에 대해 설명해 주세요.)'), true);
  assert.equal(isQuestionText('ICE 후보 교환 (너 누구야?)'), false);
  // Each closing aside is stripped once: 90 of them finish at once (read twice each, this would never finish).
  assert.equal(isQuestionText('왜 그런가' + ' (a)'.repeat(90)), false);
});

test('keycap numbers are decoration; a title-case "Why …" label is not a question', () => {
  assert.equal(cleanInline('3️⃣ When does a cache line get evicted?'), 'When does a cache line get evicted?');
  assert.equal(isQuestionText('Why Interviewers Care'), false);
  assert.equal(isQuestionText('Why caches need eviction'), true);
  assert.equal(isQuestionText('Why Interviewers Care?'), true);
});
