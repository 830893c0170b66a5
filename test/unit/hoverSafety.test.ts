// Notes are untrusted: the hover is a trusted MarkdownString (our command links run), so no note text
// may carry a live link, image, autolink or HTML into it. Markdown is rendered with marked (the parser
// VS Code's hovers use) and every link and image in the result is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marked } from 'marked';
import { hoverExcerpt } from '../../src/core/index/excerpt';
import { escapeMarkdown, safeNoteMarkdown } from '../../src/core/hover/safeMarkdown';
import { buildHoverMarkdown, HOVER_SECTIONS, translator } from '../../src/core/hover/buildHover';
import { HOVER_COMMANDS } from '../../src/core/hover/links';
import { NoteIndex, type TermMatch } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { latinNameTest, termMatcher } from '../../src/core/quiz/scope';
import { seededRng } from '../../src/core/random';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './helpers';

const HOSTILE_LINK = '[Open note](command:til.showDiagram?[{"id":"builtin:process-states","exportTo":"file:///home/u/.bashrc"}])';
const HOSTILE = [
  HOSTILE_LINK,
  '<command:til.showDiagram?%5B%7B%22exportTo%22%3A%22file%3A%2F%2F%2Fx%22%7D%5D>',
  '![a[b]](https://tracker.example/pixel.png)',
  '![x](https://e.example/y.png "t") ![y][ref] ![z]',
  '[![img](https://e.example/i.png)](command:til.startQuiz)',
  '[text][ref]\n\n[ref]: command:til.showDiagram?%5B%5D',
  'command:til.showDiagram?[] and file:///etc/passwd and https://evil.example/x and www.evil.example and me@evil.example',
  '<a href="command:til.search">a</a> <img src=x onerror=alert(1)> <https://evil.example>',
  '\\[not a link\\](command:x) \\\\[a link](command:til.search)',
  '`code [x](command:y)` and ``a ` b`` and ```\nfence [x](command:y)\n```',
  '> ```\n> x\ny [a](command:til.search)\n> ```',
  '$(zap) $(loading~spin) icon',
  '[a](<command:til.search>) [b](command:til.search "t)") [c]( command:til.search )',
  '&#91;x&#93;(command:til.search) [x]&#40;command:til.search&#41;',
  '<div b<a b<a b<a [x](command:til.search)',
];

/** Every link target and image in Markdown as VS Code's renderer (marked, GFM) would build it. */
function linksAndImages(markdown: string): { hrefs: string[]; images: number; html: number; icons: number } {
  const hrefs: string[] = [];
  let images = 0;
  let html = 0;
  let icons = 0;
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'link') hrefs.push((token as { href: string }).href);
    if (token.type === 'image') images++;
    if (token.type === 'html') html++;
    // A theme icon `$(name)` in plain text (escaped `\$` is its own token; code shows it as written).
    if (token.type === 'text' && !('tokens' in token && token.tokens) && token.raw.includes('$(')) icons++;
  });
  return { hrefs, images, html, icons };
}

function assertInert(markdown: string, label: string): void {
  const found = linksAndImages(markdown);
  assert.deepEqual(found, { hrefs: [], images: 0, html: 0, icons: 0 }, `${label}\n--- output:\n${markdown}`);
}

test('a hostile note passage in a hover excerpt has no live link, image, autolink or HTML', () => {
  for (const passage of HOSTILE) assertInert(hoverExcerpt(passage, 4000), passage);
  assertInert(hoverExcerpt(HOSTILE.join('\n\n'), 4000), 'all together');
});

test('links keep their text, images go (nested brackets too), code stays code', () => {
  assert.equal(safeNoteMarkdown('see [the docs](https://k8s.example/x) now'), 'see the docs now');
  assert.equal(safeNoteMarkdown('a ![a[b]](https://x.example/p.png) b'), 'a  b');
  assert.equal(safeNoteMarkdown('![그림](img/a.png){width=600} 끝'), ' 끝'.trim());
  assert.equal(safeNoteMarkdown('**굵게** and `fork()`'), '**굵게** and `fork()`');
  assert.equal(safeNoteMarkdown('> 인용된 [설명](command:til.search)\n> - 목록'), '> 인용된 설명\n> - 목록');
  assert.equal(safeNoteMarkdown('```c\nint x = fork();\n```'), '```c\nint x = fork();\n```');
  assert.match(safeNoteMarkdown('see https://x.example'), /https\\:\/\/x\.example/);
  // an excerpt cut inside a fence is closed, so the links below it still render
  assert.equal((hoverExcerpt('설명.\n```c\n' + 'int x = fork();\n'.repeat(40), 120).match(/```/g) ?? []).length % 2, 0);
});

test('names and titles escape every Markdown special character', () => {
  const name = '<command:til.search>[x](command:y) *a* _b_ `c` $(zap) # | ~ !';
  assert.equal(marked.parseInline(escapeMarkdown(name)), name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  assertInert(escapeMarkdown(name), name);
});

test('random mixes of hostile fragments stay inert', () => {
  const random = seededRng(10);
  const pieces = [
    ...HOSTILE,
    '[',
    ']',
    '(',
    ')',
    '!',
    '<',
    '>',
    '`',
    '``',
    '\\',
    '\n',
    '\n\n',
    '```',
    ' ',
    'text',
    'command:',
    'www.',
    '@',
    '$(x)',
  ];
  for (let round = 0; round < Number(process.env.FUZZ_ROUNDS ?? 400); round++) {
    let text = '';
    const n = 1 + Math.floor(random() * 12);
    for (let i = 0; i < n; i++) text += pieces[Math.floor(random() * pieces.length)];
    assertInert(safeNoteMarkdown(text), JSON.stringify(text));
  }
});

function hostileMatch(file: string): TermMatch {
  return {
    term: '<command:til.showDiagram?[{"exportTo":"file:///x"}]>',
    aliases: [],
    allAliases: ['[alias](command:til.search)', '![i](https://e.example/i.png)'],
    key: 'hostile',
    summary: HOSTILE.join('\n\n'),
    file,
    line: 3,
    topic: 'os',
    matched: '$(zap)[m](command:til.search)',
    start: 0,
    end: 4,
    viaGlossary: true,
    source: 'definition',
    weight: 1,
    // Other places whose names and passages are hostile too: the "also in" links show them escaped.
    others: [
      {
        term: '[t](command:til.search)',
        file: '/home/u/[o](command:til.showDiagram) <command:x>.md',
        line: 7,
        noteSource: 'workspace',
        mention: false,
        summary: HOSTILE[0],
      },
      { term: '$(zap)', file: 'C:\\u\\$(zap)![i](https://e.example/i.png).md', line: 9, noteSource: 'extra', mention: true, summary: '' },
    ],
  } as unknown as TermMatch;
}

test('the whole hover: its only links are our hover commands, with arguments we made (no path, no option)', () => {
  const index = new NoteIndex();
  const markdown = buildHoverMarkdown({
    match: hostileMatch('/home/u/notes/[evil](command:til.showDiagram) <command:x> $(zap).md'),
    index,
    excerptLength: 4000,
    diagrams: [{ id: '/home/u/notes/a.md#L3', title: '[d](command:til.search) ![i](x.png)', kind: 'note' }],
    t: translator(),
  });
  const { hrefs, images, html } = linksAndImages(markdown.replace(/\$\((book|go-to-file|search|type-hierarchy|mortar-board)\)/g, ''));
  assert.equal(images, 0);
  assert.equal(html, 0);
  assert.equal(hrefs.length, 7, markdown);
  for (const href of hrefs) {
    const m = /^command:([\w.]+)\?(.*)$/.exec(href);
    assert.ok(m, href);
    assert.ok(HOVER_COMMANDS.includes(m[1]), m[1]);
    const args = JSON.stringify(JSON.parse(decodeURIComponent(m[2])));
    assert.doesNotMatch(args, /[/\\]|exportTo|file:/, `no path or option in ${href}`);
  }
  assert.deepEqual(
    HOVER_SECTIONS.map((s) => s.id),
    ['heading', 'quizFirst', 'excerpt', 'fullerSentence', 'reviewDue', 'otherPlaces', 'actions'],
  );
  const declared = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).contributes.commands.map(
    (c: { command: string }) => c.command,
  );
  for (const command of HOVER_COMMANDS) assert.ok(declared.includes(command), `${command} is one of our commands`);
});

test('the hover of a real term: heading, excerpt, then the links under a rule', () => {
  const index = new NoteIndex();
  index.upsert(parseNote('/n/t.md', '# 2025-01-02 TIL\n\n**fork**는 [문서](https://man.example/fork)에 따르면 자식 프로세스를 만든다.\n'));
  const match = index.matchAt('pid = fork();', 7)!;
  const markdown = buildHoverMarkdown({ match, index, excerptLength: 400, diagrams: [], t: translator({ 'Open note': '노트 열기' }) });
  assert.match(
    markdown,
    /^\$\(book\) \*\*fork\*\*\n\n\*\*fork\*\*는 문서에 따르면 자식 프로세스를 만든다\.?\n\n---\n\n\[\$\(go-to-file\) 노트 열기 \(t\\\.md\\:\d+\)\]\(command:til\.openLocation\?/,
  );
});

test('a term alias with many spaces is matched in linear time (no regex from note text)', { timeout: 20_000 }, () => {
  // Each space used to become `[\s_-]*`: 12 spaces against a long run of separators backtracked for minutes.
  const alias = 'a' + ' '.repeat(12) + 'b';
  const index = { term: () => ({ term: 'Round Robin', allAliases: [alias, 'rr sched'], aliases: [], key: 'roundrobin' }) } as never;
  const matches = termMatcher(index, 'Round Robin')!;
  assert.equal(matches('a' + ' '.repeat(5000) + 'c'), false);
  assert.equal(matches('x ' + '- '.repeat(20_000) + 'y'), false);
  assert.equal(matches('what is round-robin scheduling?'), true);
  assert.equal(matches('what is Round  Robin?'), true);
  assert.equal(matches('a _ b'), true);
  assert.equal(matches('around robinson'), false);
});

test('Latin names stand as words: not inside a longer word, parts joined only by separators', () => {
  const pid = latinNameTest('pid')!;
  assert.equal(pid('the pid of it'), true);
  assert.equal(pid('rapid'), false);
  assert.equal(pid('my_pid'), false);
  assert.equal(pid('my-pid'), true);
  const rr = latinNameTest('round robin')!;
  assert.equal(rr('round_robin'), true);
  assert.equal(rr('roundrobin'), true);
  assert.equal(rr('ro und robin'), false);
  assert.equal(rr('round robins'), false);
  assert.equal(latinNameTest(' - '), undefined);
});
