// Synthetic TIL notes for the benchmark: Korean study notes in the style people actually write them
// (day headings in mixed styles, topic sections, blockquote / heading / <aside> questions with answers,
// bold definitions, nested lists, code blocks, now and then a mermaid diagram). Deterministic for a seed.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { seededRng as mulberry32, type Rng } from '../src/core/random';
import {
  ADVERBS,
  ASIDE_TITLES,
  CONNECTIVES,
  ENDINGS,
  MERMAID,
  plainForm,
  REASONS,
  TOPICS,
  VERBS,
  type TermWord,
  type Topic,
} from './corpusVocabulary';

export type { Rng };

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const chance = (rng: Rng, p: number) => rng() < p;

// ---- Korean particles: 은/는, 이/가, 을/를, 와/과 by final consonant ----

function hasBatchim(word: string): boolean {
  const w = word.trim();
  const last = w.charCodeAt(w.length - 1);
  if (last >= 0xac00 && last <= 0xd7a3) return (last - 0xac00) % 28 !== 0;
  return /(?:[mnl]|ng)$/i.test(w); // English, read aloud: roughly
}
const topicP = (w: string) => w + (hasBatchim(w) ? '은' : '는');
const subjP = (w: string) => w + (hasBatchim(w) ? '이' : '가');
const objP = (w: string) => w + (hasBatchim(w) ? '을' : '를');
const andP = (w: string) => w + (hasBatchim(w) ? '과' : '와');

const name = (w: TermWord) => w.ko;
const full = (w: TermWord) => (w.en && w.en !== w.ko ? `${w.ko}(${w.en})` : w.ko);
/** The particle that follows the Korean name, for `뮤텍스(Mutex)는`. */
const particleOf = (w: TermWord, withParticle: (x: string) => string) => withParticle(w.ko).slice(w.ko.length);

// ---- blocks ----

function sentence(rng: Rng, topic: Topic): string {
  const term = name(pick(rng, topic.terms));
  const obj = pick(rng, topic.objects);
  const conn = pick(rng, CONNECTIVES);
  const adv = pick(rng, ADVERBS);
  const verb = pick(rng, VERBS);
  const head = [conn, subjP(term), objP(obj), adv].filter(Boolean).join(' ');
  if (chance(rng, 0.25)) return `${head} ${verb}는데, 이는 ${pick(rng, REASONS)}.`;
  if (chance(rng, 0.15))
    return `${head} ${plainForm(verb)}. 이것은 \`${pick(rng, topic.code).lines[0].split(/[ (]/)[0]}\` 같은 코드에서 확인할 수 있다.`;
  return `${head} ${plainForm(verb)}.`;
}

function paragraph(rng: Rng, topic: Topic, n = int(rng, 2, 4)): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = sentence(rng, topic);
    if (chance(rng, 0.2)) s = s.replace(/(\S+ \S+)\.$/, '**$1**.');
    out.push(s);
  }
  return out.join(' ');
}

function definition(rng: Rng, topic: Topic): string {
  const w = pick(rng, topic.terms);
  const obj = pick(rng, topic.objects);
  const desc = `${pick(rng, [`${obj}에 대한 접근을`, `${objP(obj)} 다루면서`, `${obj} 단위로`, `${obj}에 맞춰`])} ${pick(rng, VERBS)}는 기법`;
  switch (int(rng, 0, 3)) {
    case 0:
      return `**${full(w)}**${particleOf(w, topicP)} ${desc}${pick(rng, ENDINGS)} ${sentence(rng, topic)}`;
    case 1:
      return `**${name(w)}** : ${desc}. ${sentence(rng, topic)}`;
    case 2:
      return `${full(w)}: ${desc}${pick(rng, ENDINGS)}`;
    default:
      return `**${full(w)}${particleOf(w, topicP)} ${desc}${pick(rng, ENDINGS)}**`;
  }
}

function list(rng: Rng, topic: Topic): string {
  const numbered = chance(rng, 0.35);
  const lines: string[] = [];
  const n = int(rng, 2, 5);
  for (let i = 0; i < n; i++) {
    const marker = numbered ? `${i + 1}.` : '-';
    if (chance(rng, 0.3)) {
      lines.push(`${marker} **${name(pick(rng, topic.terms))}**`);
      for (let j = int(rng, 1, 3); j > 0; j--) lines.push(`    - ${sentence(rng, topic)}`);
    } else {
      lines.push(`${marker} ${sentence(rng, topic)}`);
    }
  }
  return lines.join('\n');
}

function codeBlock(rng: Rng, topic: Topic): string {
  const c = pick(rng, topic.code);
  return ['```' + c.lang, ...c.lines, '```'].join('\n');
}

function question(rng: Rng, topic: Topic): string {
  const a = name(pick(rng, topic.terms));
  let b = name(pick(rng, topic.terms));
  if (b === a) b = name(topic.terms[(topic.terms.findIndex((x) => x.ko === a) + 1) % topic.terms.length]);
  return pick(rng, [
    `${topicP(a)} 무엇인가요?`,
    `${a}에 대해 설명해 주세요.`,
    `${andP(a)} ${b}의 차이는 무엇인가요?`,
    `${subjP(a)} 필요한 이유는 무엇일까요?`,
    `${objP(a)} 사용할 때 주의할 점은 무엇인가요?`,
    `${a}의 동작 과정을 설명해 주세요.`,
    `${a} 없이 ${objP(b)} 구현할 수 있을까요?`,
    `그렇다면, ${topicP(a)} ${objP(b)} 어떻게 다루나요?`,
  ]);
}

function questionBlock(rng: Rng, topic: Topic, sectionDepth: number, budget: number): string {
  const q = question(rng, topic);
  const out: string[] = [];
  switch (int(rng, 0, 9)) {
    case 0:
    case 1:
    case 2:
      out.push(`> ${q}`);
      break;
    case 3:
    case 4:
      out.push(`> ❗**${q}**`);
      break;
    case 5:
      out.push(`> 💡**${q}**`);
      break;
    case 6:
      out.push(`> **${q}**`);
      break;
    case 7:
      out.push(`${'#'.repeat(Math.min(6, sectionDepth + 1))} ${q}`);
      break;
    case 8:
      out.push(`<aside>\n❗**${q}**\n\n</aside>`);
      break;
    default:
      out.push(`> ❗**${q}**\n> \n> ${paragraph(rng, topic, 2)}`); // answer inside the quote, as in the seeds
  }
  let size = Buffer.byteLength(out[0]);
  while (size < budget) {
    const r = rng();
    const block = r < 0.3 ? paragraph(rng, topic) : r < 0.55 ? definition(rng, topic) : r < 0.85 ? list(rng, topic) : codeBlock(rng, topic);
    out.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return out.join('\n\n');
}

function dayHeading(rng: Rng, year: number, month: number, day: number): string {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return pick(rng, [
    `# ${month}월 ${day}일 TIL`,
    `# ${month}월 ${day}일 TIL `,
    `# ${mm}${dd} TIL`,
    `# ${year}-${mm}-${dd}`,
    `# TIL ${year}.${mm}.${dd}`,
    `# ${year}년 ${month}월 ${day}일`,
    `# ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${day}, ${year}`,
  ]);
}

/** One note of about `targetBytes` UTF-8 bytes (default ~4 KB), deterministic for (seed, index). */
export function generateNote(seed: number, index: number, targetBytes = 4096): string {
  const rng = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const parts: string[] = [];
  const days = chance(rng, 0.2) ? 2 : 1;
  const dayOfYear = index % 365;
  const year = 2024 + (Math.floor(index / 365) % 3);
  const questions = int(rng, 4, 8);
  const budget = Math.max(200, (targetBytes * (0.7 + rng() * 0.16)) / questions - 60);
  let asked = 0;
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(year, 0, 1 + dayOfYear + d));
    parts.push(dayHeading(rng, year, date.getUTCMonth() + 1, date.getUTCDate()));
    if (chance(rng, 0.3)) parts.push(paragraph(rng, pick(rng, TOPICS), 1));
    const sectionCount = days === 2 ? 1 : int(rng, 1, 2);
    for (let s = 0; s < sectionCount; s++) {
      const topic = pick(rng, TOPICS);
      const depth = chance(rng, 0.8) ? 2 : 3;
      parts.push(`${'#'.repeat(depth)} ${pick(rng, topic.sections)}`);
      if (chance(rng, 0.3)) parts.push(`<aside>\n💡 ${pick(rng, ASIDE_TITLES)}: ${sentence(rng, topic)}\n</aside>`);
      const remaining = questions - asked;
      const here =
        d === days - 1 && s === sectionCount - 1
          ? remaining
          : Math.max(1, Math.floor(remaining / (sectionCount * days - (d * sectionCount + s))));
      for (let q = 0; q < here; q++, asked++) parts.push(questionBlock(rng, topic, depth, budget));
      if (chance(rng, 0.12)) parts.push(['```mermaid', ...pick(rng, MERMAID), '```'].join('\n'));
    }
    if (d < days - 1) parts.push('<hr>');
  }
  return parts.join('\n\n') + '\n';
}

/** Notes concatenated until at least `bytes` UTF-8 bytes: one big note for linearity checks. */
export function generateText(seed: number, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const note = generateNote(seed, i);
    parts.push(note);
    size += Buffer.byteLength(note) + 1;
  }
  return parts.join('\n');
}

/** A new question with its answer, to append to a note (for edit benchmarks). */
export function generateEdit(seed: number, n: number): string {
  const rng = mulberry32((seed * 31 + n * 7919) >>> 0);
  const topic = pick(rng, TOPICS);
  return `\n> ❗**${question(rng, topic).replace(/\?$/, '')} (${n}번째 복습)?**\n\n${paragraph(rng, topic)}\n\n${list(rng, topic)}\n`;
}

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

/** Write `count` notes into `dir` (in sub-folders of 500, as real note repos grow by month). */
export async function writeCorpus(dir: string, count: number, seed = 1): Promise<Corpus> {
  const files: string[] = [];
  let bytes = 0;
  const folders = new Set<string>();
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `batch-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (!folders.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    files.push(path.join(folder, `til-${String(i).padStart(5, '0')}.md`));
  }
  const lanes = 32;
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) {
        const i = next++;
        const text = generateNote(seed, i);
        bytes += Buffer.byteLength(text);
        await fs.writeFile(files[i], text);
      }
    }),
  );
  return { dir, files, bytes };
}
