import * as vscode from 'vscode';
import { NoteIndex } from './core/index/noteIndex';
import { readConfig } from './features/config';
import { diagramList, registerDiagrams } from './features/diagrams';
import { diagramsForMatch } from './core/diagrams/link';
import { registerExplain } from './features/explain/explainTerm';
import { registerHover } from './features/hover/termHover';
import { NotesSource } from './features/notes/notesSource';
import { noteOpener, openIndexedLocation } from './features/notes/openNote';
import { registerNotesTree } from './features/notesTree/notesTree';
import { registerOnboarding } from './features/onboarding';
import { markStepDone } from './features/onboarding/stepsDone';
import { registerQuiz, type QuizFeature } from './features/quiz';
import type { TreeNode } from './features/notesTree/treeModel';
import { registerSearch } from './features/search/searchNotes';
import { registerStats } from './features/stats';
import { Commands, type Services } from './features/services';

/** Build the services, register each feature, start indexing in the background. */
export function activate(context: vscode.ExtensionContext) {
  const output = vscode.window.createOutputChannel('TIL Companion', { log: true });
  const index = new NoteIndex();
  const source = new NotesSource(context, index, output);
  const openLocation = noteOpener(index);
  const services: Services = { context, index, output, openLocation };

  const quiz = registerQuiz(services);
  context.subscriptions.push(
    output,
    source,
    quiz,
    registerNotesTree(services, {
      extraRoots: (mode) =>
        mode === 'day'
          ? index.size
            ? quizRoots(quiz)
            : [] // empty: the welcome text shows
          : [{ kind: 'diagrams', id: 'diagrams', links: diagramList(index) }],
      refreshOn: [quiz.onDidChangeDue, quiz.onDidChangeHidden, source.onDidDiscover],
      loading: source.ready,
      showsStarterNotes: () => source.showsStarterNotes(),
    }),
    registerHover({
      index,
      config: readConfig,
      diagramsFor: (match) => diagramsForMatch(index, match),
      masteryOf: (key) => quiz.mastery(key),
      readingNotes: () => source.isReading(),
      onShown: () => markStepDone(services, 'hover'),
    }),
    registerDiagrams(services),
    registerStats(services, quiz),
    registerSearch(services),
    registerExplain(services),
    registerOnboarding(services),
    vscode.commands.registerCommand(Commands.openLocation, (target: unknown, line?: unknown) =>
      openIndexedLocation(index, openLocation, target, line),
    ),
    vscode.commands.registerCommand(Commands.refresh, () => source.reload(true)),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show()),
  );
  void source.reload(true);
  // For tests and other extensions: the index once the first load finished.
  return { ready: () => source.ready.then(() => index), index };
}

/** "Due for review", and "Suspended and hidden" while some card is. */
function quizRoots(quiz: QuizFeature): TreeNode[] {
  const hidden = quiz.hiddenCards();
  const roots: TreeNode[] = quiz.showsDue()
    ? [{ kind: 'due', id: 'due', cards: quiz.dueCards(), fresh: quiz.dueNewCount(), terms: quiz.dueTermCount() }]
    : [];
  if (hidden.length) roots.push({ kind: 'hidden', id: 'hidden', cards: hidden });
  return roots;
}

export function deactivate(): void {}
