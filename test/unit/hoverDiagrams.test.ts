// The diagram a hover offers when the glossary led from the word in the code to a broader note: a note on "WebRTC"
// answers `new RTCPeerConnection()`, and the signalling diagram, which draws the two RTCPeerConnections, is offered
// beside it, and its link opens that same diagram again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { parseGlossary } from '../../src/core/index/glossary';
import { buildHoverMarkdown, translator } from '../../src/core/hover/buildHover';
import { isTermLinkArgs, type TermLinkArgs } from '../../src/core/hover/links';
import { diagramsForMatch, diagramsForTerm } from '../../src/core/diagrams/link';
import { cliHoverOverSeed, seedSkip } from './seedHover';

const CALL = 'const pc = new RTCPeerConnection({ iceServers });\n';

function webrtcIndex(): NoteIndex {
  const index = new NoteIndex();
  index.upsertMany([
    {
      ...parseNote('/ws/til.md', '# 0412 TIL\n\n## WebRTC\n\n브라우저끼리 서버를 거치지 않고 영상과 데이터를 주고받게 해 주는 표준이다.\n'),
      source: 'workspace' as const,
    },
  ]);
  index.setGlossary([parseGlossary('/ext/notes/glossary.yaml', 'webrtc:\n  RTCPeerConnection: [RTCPeerConnection, WebRTC]\n', 'bundled')]);
  return index;
}

test('a word the glossary leads to a broader note still finds the diagram that draws it', () => {
  const index = webrtcIndex();
  const match = index.matchAt(CALL, CALL.indexOf('RTCPeerConnection') + 1, index.documentContext('javascript', CALL))!;
  assert.equal(match.key, 'webrtc', 'the note on WebRTC answers');
  assert.equal(match.viaGlossary, true);
  assert.deepEqual(diagramsForTerm(index, match.key), [], 'the term alone names no diagram');
  const diagrams = diagramsForMatch(index, match);
  assert.deepEqual(
    diagrams.map((d) => d.id),
    ['builtin:webrtc-signaling'],
  );

  const markdown = buildHoverMarkdown({ match, index, excerptLength: 400, diagrams, t: translator() });
  const link = /\[\$\(type-hierarchy\) Diagram\\: [^\]]*\]\(command:til\.showDiagram\?([^ )]+)\)/.exec(markdown);
  assert.ok(link, markdown);
  const [args] = JSON.parse(decodeURIComponent(link[1])) as [TermLinkArgs];
  assert.deepEqual(args, { term: 'webrtc', diagram: 0, word: 'RTCPeerConnection' });
  assert.ok(isTermLinkArgs(args));
  // What the command does with the link: the same look-up again, so it opens the diagram the hover named.
  assert.equal(diagramsForTerm(index, args.term, args.word)[args.diagram!].id, 'builtin:webrtc-signaling');
});

test('a word the note names itself (no glossary step) adds nothing to the diagram look-up or its link', () => {
  const index = webrtcIndex();
  const viaGlossary = index.matchAt(CALL, CALL.indexOf('RTCPeerConnection') + 1, index.documentContext('javascript', CALL))!;
  const named = { ...viaGlossary, viaGlossary: false };
  assert.deepEqual(diagramsForMatch(index, named), diagramsForTerm(index, named.key));
  const markdown = buildHoverMarkdown({
    match: named,
    index,
    excerptLength: 400,
    diagrams: diagramsForMatch(index, viaGlossary),
    t: translator(),
  });
  assert.doesNotMatch(decodeURIComponent(markdown), /"word"/);
});

test('a diagram link’s code word is a short identifier or the link is not ours', () => {
  assert.ok(isTermLinkArgs({ term: 'webrtc', diagram: 0, word: 'RTCPeerConnection' }));
  assert.ok(isTermLinkArgs({ term: 'x', word: 'std::thread' }));
  for (const word of ['', 'a b', '../../etc/passwd', 'x'.repeat(81), '<img src=x>', 'a\nb', 42, ['fork']]) {
    assert.equal(isTermLinkArgs({ term: 'webrtc', diagram: 0, word }), false, JSON.stringify(word));
  }
});

test('the real notes: a hover on RTCPeerConnection offers the WebRTC signalling diagram', { skip: seedSkip }, () => {
  const markdown = cliHoverOverSeed('call.js', CALL, 1, CALL.indexOf('RTCPeerConnection') + 2);
  assert.match(markdown, /\*\*WebRTC\*\*/, 'answered from the note on WebRTC');
  assert.match(markdown, /Diagram\\: WebRTC Signaling[\s\S]*command:til\.showDiagram\?[^)]*RTCPeerConnection/);
});
