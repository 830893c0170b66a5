// `npm run bench:ui`: what a person waits for in a real workbench (code-server + Chromium) —
// the first diagram after the command (cold: the first webview of the window), and a re-render
// (the colour theme changes, the same diagram draws again). Median of 5 re-renders.
import * as path from 'node:path';
import { openWorkbench } from '../test/ui/lib/workbench';
import { paletteToQuickPick, QUICK_INPUT_BOX, QUICK_ROWS, showDiagram, webview } from '../test/ui/lib/diagramsUi';

const repo = path.resolve(__dirname, '..', '..');
const THEMES = ['Dark Modern', 'Light Modern'];

async function main(): Promise<void> {
  const wb = await openWorkbench({ folder: path.join(repo, 'demo'), vsixPath: process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix') });
  try {
    const frame = webview(wb.page);
    const svg = frame.locator('.canvas svg');
    const chosen = await showDiagram(wb, 'Process States');
    await svg.first().waitFor({ state: 'visible', timeout: 60_000 });
    const coldMs = Date.now() - chosen;
    const renderMsOf = async () => Number(await frame.locator('.canvas').first().getAttribute('data-render-ms'));
    const coldRenderMs = await renderMsOf();

    const rerenders: number[] = [];
    const renderOnly: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = await svg.first().getAttribute('id');
      await paletteToQuickPick(wb, 'Preferences: Color Theme');
      const theme = THEMES[i % THEMES.length];
      await wb.page.locator(QUICK_INPUT_BOX).first().fill(theme);
      const row = wb.page.locator(QUICK_ROWS).filter({ hasText: theme }).first();
      await row.waitFor();
      const t0 = Date.now();
      await wb.page.keyboard.press('Enter');
      const deadline = t0 + 20_000;
      while ((await svg.first().getAttribute('id')) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      rerenders.push(Date.now() - t0);
      renderOnly.push(await renderMsOf());
    }
    const median = [...rerenders].sort((a, b) => a - b)[2];
    const renderMedian = [...renderOnly].sort((a, b) => a - b)[2];
    console.log('\nDiagrams in a real workbench (ms, wall clock as a person sees it; includes the theme switch itself)');
    console.log(`  first diagram visible after choosing it (cold)   ${coldMs} ms   ${coldMs < 1000 ? 'ok  ' : 'MISS'} target < 1000 ms`);
    console.log(`    of which mermaid parse + render in the webview  ${coldRenderMs} ms`);
    console.log(`  re-render after a theme change (median of 5)     ${median} ms   wall, theme switch included; runs: ${rerenders.join(', ')}`);
    console.log(`    of which mermaid parse + render (median)       ${renderMedian} ms   ${renderMedian < 200 ? 'ok  ' : 'MISS'} target < 200 ms   runs: ${renderOnly.join(', ')}`);
    console.log(`BENCH_UI_JSON ${JSON.stringify({ coldMs, coldRenderMs, rerenderWallMedianMs: median, rerenderMedianMs: renderMedian, rerenders, renderOnly })}`);
  } finally {
    await wb.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
