import * as path from 'node:path';
import * as vscode from 'vscode';
import { questionsText, termsText } from '../counts';
import type { NoteIndex } from '../../core/index/noteIndex';
import { TOPICS, type Topic } from '../../core/model';
import { mainSources } from '../../core/index/sources';
import { countQuestions } from '../../core/index/questionCounts';
import { isQuizScope, isTopic, scopeSources, type QuizMode, type QuizScope } from '../../core/quiz/scope';
import { isAskableTerm } from '../../core/quiz/termChoices';

export function topicLabel(topic: string): string {
  const labels: Record<Topic, string> = {
    os: vscode.l10n.t('Operating systems'),
    kubernetes: 'Kubernetes',
    webrtc: 'WebRTC',
    web: vscode.l10n.t('Web'),
    java: 'Java',
    other: vscode.l10n.t('Other'),
  };
  return isTopic(topic) ? labels[topic] : topic;
}

/**
 * The `til.startQuiz` argument as a scope: a QuizScope, or a notes-tree node
 * (`{ kind: 'day' | 'section' | 'topic' | 'due' | 'question', … }`) from a context menu.
 * Undefined when there is no usable argument (then the user picks).
 */
/** The fields of a tree node that name a scope; anything may be missing or of another type. */
interface TreeNodeArg {
  kind?: unknown;
  mode?: unknown;
  topic?: unknown;
  id?: unknown;
  group?: { key?: unknown };
  section?: { id?: unknown };
  card?: { sectionId?: unknown; file?: unknown };
  /** A day or topic under the "Starter notes" root. */
  starter?: unknown;
}

export function scopeFromArg(arg: unknown): QuizScope | undefined {
  if (isQuizScope(arg)) return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as TreeNodeArg;
  const mode: QuizMode | undefined = node.mode === 'terms' ? 'terms' : undefined;
  const starter = node.starter === true ? { starter: true } : {};
  switch (node.kind) {
    case 'due':
      return { scope: 'due', mode };
    case 'topic':
      return typeof node.topic === 'string' ? { scope: 'topic', value: node.topic, mode, ...starter } : undefined;
    case 'day':
      if (typeof node.group?.key === 'string') return { scope: 'day', value: node.group.key, mode, ...starter };
      return typeof node.id === 'string' && node.id.startsWith('day:') ? { scope: 'day', value: node.id.slice(4), mode } : undefined;
    case 'section':
      return typeof node.section?.id === 'string' ? { scope: 'section', value: node.section.id, mode } : undefined;
    case 'question':
      if (typeof node.card?.sectionId === 'string') return { scope: 'section', value: node.card.sectionId, mode };
      return typeof node.card?.file === 'string' ? { scope: 'note', value: node.card.file, mode } : undefined;
    default:
      return undefined;
  }
}

/** Fills in a missing value from the editor: the active note, or the term under the cursor. */
export function completeScope(index: NoteIndex, scope: QuizScope): QuizScope | undefined {
  if (scope.value || scope.scope === 'due') return scope;
  const editor = vscode.window.activeTextEditor;
  if (scope.scope === 'note') {
    const file = editor?.document.uri.scheme === 'file' ? editor.document.uri.fsPath : undefined;
    return file ? { ...scope, value: file } : undefined;
  }
  if (scope.scope === 'term') {
    const term = termAtCursor(index);
    return term ? { ...scope, value: term } : undefined;
  }
  return undefined;
}

export function termAtCursor(index: NoteIndex): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const pos = editor.selection.active;
  const line = editor.document.lineAt(pos.line).text;
  const selected = editor.selection.isEmpty ? '' : editor.document.getText(editor.selection).trim();
  if (selected && index.term(selected)) return index.term(selected)!.term;
  return index.matchAt(line, pos.character)?.term ?? (pos.character > 0 ? index.matchAt(line, pos.character - 1)?.term : undefined);
}

export function scopeLabel(index: NoteIndex, scope: QuizScope): string {
  let label: string;
  const v = scope.value ?? '';
  switch (scope.scope) {
    case 'due':
      label = scope.practice ? vscode.l10n.t('All questions') : vscode.l10n.t('Due for review');
      break;
    case 'topic':
      label = topicLabel(v);
      break;
    case 'day': {
      const day = index.days(scopeSources(index, scope)).find((d) => d.key === v || d.date === v);
      label = day?.title ?? v;
      break;
    }
    case 'section':
      label = index.sections().find((s) => s.id === v)?.title ?? v;
      break;
    case 'note':
      label = path.basename(v);
      break;
    case 'term':
      label = index.term(v)?.term ?? v;
      break;
  }
  if (scope.mode === 'terms') label = vscode.l10n.t('Terms: {0}', label);
  return scope.practice ? vscode.l10n.t('Practice: {0}', label) : label;
}

interface ScopeItem extends vscode.QuickPickItem {
  pick?: () => Promise<QuizScope | undefined> | QuizScope | undefined;
}

/** Quick pick of scopes, then of a topic or a day when needed. */
export async function pickScope(index: NoteIndex, dueCount: number): Promise<QuizScope | undefined> {
  const editor = vscode.window.activeTextEditor;
  const noteFile =
    editor?.document.uri.scheme === 'file' && index.note(editor.document.uri.fsPath) ? editor.document.uri.fsPath : undefined;
  const term = termAtCursor(index);
  const items: ScopeItem[] = [
    {
      label: `$(history) ${vscode.l10n.t('Everything due')}`,
      description: vscode.l10n.t('{0} due', dueCount),
      pick: () => ({ scope: 'due' }),
    },
    { label: `$(tag) ${vscode.l10n.t('A topic…')}`, pick: () => pickTopic(index, 'cards') },
    { label: `$(calendar) ${vscode.l10n.t('A day…')}`, pick: () => pickDay(index) },
  ];
  if (noteFile)
    items.push({
      label: `$(file) ${vscode.l10n.t('This note')}`,
      description: path.basename(noteFile),
      pick: () => ({ scope: 'note', value: noteFile }),
    });
  if (term)
    items.push({
      label: `$(symbol-keyword) ${vscode.l10n.t('Questions about the term under the cursor')}`,
      description: term,
      pick: () => ({ scope: 'term', value: term }),
    });
  items.push(
    { label: vscode.l10n.t('Terms'), kind: vscode.QuickPickItemKind.Separator },
    {
      label: `$(symbol-key) ${vscode.l10n.t('Name the term: everything due')}`,
      detail: vscode.l10n.t('An explanation is shown; pick the term among four.'),
      pick: () => ({ scope: 'due', mode: 'terms' }),
    },
    { label: `$(symbol-key) ${vscode.l10n.t('Name the term: a topic…')}`, pick: () => pickTopic(index, 'terms') },
  );
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Start Quiz'),
    placeHolder: vscode.l10n.t('What do you want to review?'),
    // Kept open on focus out: with the walkthrough open, its page marks the quiz step done as the command
    // starts and takes the focus back, which closed this picker before the user could choose.
    ignoreFocusOut: true,
  });
  return chosen?.pick ? await chosen.pick() : undefined;
}

async function pickTopic(index: NoteIndex, mode: QuizMode): Promise<QuizScope | undefined> {
  const counts = new Map<string, number>();
  if (mode === 'cards')
    for (const g of index.cardGroups(mainSources(index)))
      for (const t of new Set(g.places.map((p) => p.topic))) counts.set(t, (counts.get(t) ?? 0) + 1);
  else for (const t of termsOf(index)) counts.set(t.topic, (counts.get(t.topic) ?? 0) + 1);
  const items = TOPICS.filter((t) => counts.has(t)).map((t) => ({
    label: topicLabel(t),
    description: mode === 'cards' ? questionsText(counts.get(t)!) : termsText(counts.get(t)!),
    topic: t,
  }));
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No topics with questions yet.'));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Quiz on a topic'),
    placeHolder: vscode.l10n.t('Pick a topic'),
  });
  return chosen && { scope: 'topic', value: chosen.topic, mode };
}

/** The terms a topic quiz over the main sources asks (the same filters as selectTerms and the session's). */
function termsOf(index: NoteIndex) {
  const sources = mainSources(index);
  return index.terms().filter((t) => (!sources || sources.includes(t.noteSource)) && isAskableTerm(t));
}

async function pickDay(index: NoteIndex): Promise<QuizScope | undefined> {
  const days = index
    .days(mainSources(index))
    // Each question once, as the day's row in the tree counts it (a question written twice that day is one card).
    .map((d) => ({
      d,
      n: countQuestions(
        d.entries.flatMap((e) => e.cards),
        () => 1,
      ).questions,
    }))
    .filter((x) => x.n > 0)
    .reverse();
  if (!days.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No days with questions yet.'));
    return undefined;
  }
  const items = days.map(({ d, n }) => ({ label: d.title, description: d.date, detail: questionsText(n), key: d.key }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Quiz on a day'),
    placeHolder: vscode.l10n.t('Pick a day'),
    matchOnDescription: true,
  });
  return chosen && { scope: 'day', value: chosen.key };
}
