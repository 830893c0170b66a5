// The rows of "TIL: Show Diagram…" as the extension builds them in a real host (vscode.l10n, the index's sections):
// each row's second line says the kind of diagram in words and, for a note's block, the heading around it; never a
// line of Mermaid.
import * as assert from 'node:assert';
import { diagramCatalog } from '../../src/core/diagrams/link';
import { galleryItems, headingsFrom } from '../../src/features/diagrams/gallery';
import { readyIndex, workspacePath } from './testUtil';

const MERMAID_KEYWORD = /stateDiagram|flowchart|sequenceDiagram|\bgraph\b|-->|%%/;

suite('diagram gallery rows', () => {
  test('each row says its kind in words, a note block also the heading around it, and no row shows Mermaid', async () => {
    const index = await readyIndex();
    const rows = galleryItems(
      diagramCatalog(index),
      (file) => file,
      headingsFrom((file) => index.note(file)?.sections),
    ).filter((r) => r.diagram);
    assert.ok(rows.length > 2, 'built-in and note diagrams listed');
    for (const row of rows) assert.doesNotMatch(row.detail ?? '', MERMAID_KEYWORD, `${row.label}: "${row.detail}"`);
    const detailOf = (label: string) => rows.find((r) => r.label === label)?.detail;
    assert.strictEqual(detailOf('Process States'), 'State diagram');
    assert.strictEqual(detailOf('WebRTC Signaling (1:1)'), 'Sequence diagram');
    // The fixture's two blocks sit under "### RTCPeerConnection" (their label) inside "## Kubernetes".
    const note = workspacePath('notes', 'terms-and-diagrams.md');
    const blocks = rows.filter((r) => r.diagram?.file === note).map((r) => [r.label, r.detail]);
    assert.deepStrictEqual(blocks, [
      ['RTCPeerConnection', 'State diagram · Kubernetes'],
      ['RTCPeerConnection', 'Flowchart · Kubernetes'],
    ]);
  });
});
