// The search lists each place of the notes once: a heading that asks a question, a heading that names a term, a
// question that is also read as a term, a bold sub-question asked under another question. Our own fixture, and the
// user's real notes when they sit beside the clone (skipped with the reason otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { foundByName, searchEntries, type SearchEntry } from '../../src/core/index/searchEntries';
import { parseNote } from '../../src/core/notes/parseNote';
import { termKey } from '../../src/core/text';
import { repoRoot } from './helpers';

const NOTE = `# 2025-06-10 TIL

## Deployments

Deployment는 ReplicaSet을 거느리고 새 버전을 조금씩 바꿔 내보내는 오브젝트이다.

## 캐시를 두는 이유가 뭔가요?

캐시는 느린 저장소 앞에 놓는 작고 빠른 저장소다. 같은 값을 다시 읽을 때 빨라진다.

### 예시

CPU 옆의 L1 캐시.

> **스핀락에 대해 설명해 주세요.**

스핀락은 락이 풀릴 때까지 돌면서 기다리는 락이다. 짧게 잡는 락에 알맞다.

> **교착 상태와 기아는 어떻게 다른가요?**

교착 상태는 서로가 쥔 자원을 기다리며 모두 멈춘 상태이다. 기아는 한 쪽만 계속 밀리는 상태이다.

**그럼 둘은 어떻게 달라?**

![그림](./pictures/deadlock.png){width=400 height=200}
`;

/** Places listed more than once, as `line` or `file:line`. */
function repeatedPlaces(entries: SearchEntry[], withFile = false): string[] {
  const seen = new Map<string, number>();
  for (const e of entries) {
    const key = withFile ? `${e.file}:${e.line}` : String(e.line);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

test('each place of a note is one search entry, and every name read there still finds it', () => {
  const index = new NoteIndex();
  index.upsert(parseNote('/notes/one-place-once.md', NOTE));
  const entries = searchEntries(index);
  assert.deepEqual(repeatedPlaces(entries), []);

  const at = (line: number) => entries.filter((e) => e.line === line);
  // `## Deployments`: the term (it has a passage to preview), not a section row beside it.
  assert.deepEqual(
    at(3).map((e) => [e.kind, e.title]),
    [['term', 'Deployments']],
  );
  // A heading that asks a question: the question, once.
  assert.deepEqual(
    at(7).map((e) => [e.kind, e.title]),
    [['question', '캐시를 두는 이유가 뭔가요?']],
  );
  // A question also read as a term (`스핀락에 대해…`): the question, which the term's name still finds.
  assert.deepEqual(
    at(15).map((e) => e.kind),
    ['question'],
  );
  for (const t of index.terms()) {
    assert.ok(
      entries.some((e) => foundByName(e, t.term)),
      `the term ${t.term} is still found`,
    );
  }
  // The sub-question answered only by a picture is part of its parent's answer, not a second entry.
  assert.ok(!entries.some((e) => e.title.includes('둘은 어떻게 달라')), entries.map((e) => e.title).join('\n'));
  assert.equal(entries.filter((e) => e.title === '교착 상태와 기아는 어떻게 다른가요?').length, 1);
  // A plain sub-heading stays a section.
  assert.deepEqual(
    at(11).map((e) => [e.kind, e.title]),
    [['section', '예시']],
  );
});

// Names that only say the title again: the heading with a remark in parentheses, another spelling from another note.
const RESTATED = `# 2025-07-01 TIL

## ConfigMap 작성 (바로 적용하지 않음)

ConfigMap 작성은 설정 값을 이미지 밖의 오브젝트로 적어 두는 일이다.

## WebSocket

WebSocket은 한 번 맺은 연결 위로 양쪽이 아무 때나 메시지를 보내는 프로토콜이다.

## 뮤텍스 (Mutex)

뮤텍스는 잠근 스레드만 풀 수 있는 잠금이다.

## DaemonSets

DaemonSet은 클러스터의 노드마다 같은 파드를 하나씩 띄워 두고, 노드가 늘면 거기에도 띄우는 오브젝트이다.
`;
const RESPELLED = `# 2025-07-02 TIL

## Web Socket

브라우저와 서버가 HTTP 업그레이드 뒤에 계속 쓰는 양방향 통로다.

## Daemon Set

노드마다 한 벌.
`;

/**
 * Names shown beside the title that the row already says: the title again (another spelling, or with a parenthetical
 * at the end), a spelling of a name within the title, a spelling of a name shown before.
 */
function restatesTitle(e: SearchEntry): string[] {
  const bare = (text: string) => termKey(text.replace(/\s*[(（][^()（）]*[)）]\s*$/u, ''));
  const keys = e.alsoCalled.map(bare);
  return e.alsoCalled.filter((name, i) => bare(e.title).includes(keys[i]) || keys.indexOf(keys[i]) !== i);
}

test('a name that only restates the title is not shown as another name, and a search for it still finds the row', () => {
  const index = new NoteIndex();
  index.upsertMany([parseNote('/notes/restated.md', RESTATED), parseNote('/notes/zz-respelled.md', RESPELLED)]);
  const entries = searchEntries(index);
  const titled = (title: string) => entries.find((e) => e.title === title)!;

  const configMap = titled('ConfigMap 작성');
  assert.deepEqual(configMap.alsoCalled, [], 'the heading with its remark is the title again');
  assert.ok(foundByName(configMap, '바로 적용하지 않음'), 'the remark still finds it');
  const webSocket = titled('WebSocket');
  assert.deepEqual(webSocket.alsoCalled, [], '`Web Socket` is the same name');
  assert.ok(foundByName(webSocket, 'web socket'));
  assert.ok(foundByName(webSocket, 'Web-Socket'));
  // `DaemonSet` is within the title, and `Daemon Set` is that name again.
  const daemonSets = titled('DaemonSets');
  assert.deepEqual(daemonSets.alsoCalled, []);
  assert.ok(foundByName(daemonSets, 'daemon set'));
  // A real other name stays, and the heading it was read from does not join it.
  assert.deepEqual(titled('뮤텍스').alsoCalled, ['Mutex']);
  assert.ok(foundByName(titled('뮤텍스'), 'mutex'));
  assert.ok(foundByName(titled('뮤텍스'), '뮤텍스 (Mutex)'));
  assert.equal(foundByName(webSocket, 'Mutex'), false);
  assert.equal(foundByName(webSocket, '  '), false, 'an empty search finds by no name');
  assert.deepEqual(entries.flatMap(restatesTitle), []);
});

const seed = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
const skip = fs.existsSync(seed) ? false : `${seed} is absent (a plain clone); the fixture above covers the same shapes`;

test('the real notes: no place is listed twice, and the binary semaphore question is listed once', { skip }, () => {
  const index = new NoteIndex();
  index.upsert(parseNote(seed, fs.readFileSync(seed)));
  const entries = searchEntries(index);
  assert.deepEqual(repeatedPlaces(entries, true), []);
  const semaphore = entries.filter((e) => e.title.includes('이진 세마포어와 뮤텍스의 차이'));
  assert.equal(semaphore.length, 1, semaphore.map((e) => `${e.line} ${e.title}`).join('\n'));
  // Every entry has a place to open.
  assert.ok(entries.every((e) => e.file === seed && e.line > 0));
});

test('the real notes: no row shows its title again as another name, and each such name still finds its row', { skip }, () => {
  const index = new NoteIndex();
  index.upsert(parseNote(seed, fs.readFileSync(seed)));
  const entries = searchEntries(index);
  assert.deepEqual(
    entries.flatMap((e) => restatesTitle(e).map((name) => `${e.line}: ${e.title} / ${name}`)),
    [],
  );
  for (const e of entries) for (const name of e.restated) assert.ok(foundByName(e, name), `${e.title} is found by ${name}`);
});
