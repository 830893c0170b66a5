// Build step (esbuild.js runs it): writes dist/starter-index.json, the starter notes and glossary parsed ahead.
// Usage: node starterPackMain.js <repository root>
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { STARTER_PACK_FILE } from './starterPack';
import { buildStarterPack } from './starterPackBuild';

const root = path.resolve(process.argv[2] ?? '.');
const pack = buildStarterPack(root);
mkdirSync(path.join(root, path.dirname(STARTER_PACK_FILE)), { recursive: true });
writeFileSync(path.join(root, STARTER_PACK_FILE), JSON.stringify(pack));
console.log(`[starter pack] ${STARTER_PACK_FILE}: ${pack.notes.length} notes, ${pack.glossary.entries.length} glossary entries`);
