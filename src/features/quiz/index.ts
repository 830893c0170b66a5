/**
 * The quiz feature: `til.startQuiz`, export/import/reset of progress, the "N due" status-bar item,
 * and the due cards for the notes tree.
 *
 *   const quiz = registerQuiz(services);   // the implementation (dist/quiz.js) loads on first use
 *   quiz.dueCards(); quiz.onDidChangeDue(() => tree.refresh());   // the tree's "Due for review" group
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CardGroup } from '../../core/index/noteIndex';
import { Commands, type Services } from '../services';
import type { HiddenCard } from '../../core/quiz/cardFlags';
import type { TermMastery } from '../../core/quiz/mastery';
import type { CardAction, QuizController, QuizOptions, QuizTestState } from './quizController';

export type { QuizOptions, QuizTestState };

/** The view type of the quiz panel (also in package.json's onWebviewPanel activation event). */
const QUIZ_VIEW_TYPE = 'til.quiz';

type QuizBundle = typeof import('./quizBundle');

/** dist/quiz.js, built from quizBundle.ts beside dist/extension.js. */
function loadQuizBundle(): QuizBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, 'quiz.js')) as QuizBundle;
}

/** Commands registered only when the extension runs under test (`ExtensionMode.Test`). */
export const QuizTestCommands = {
  /** Grades the current card of the open quiz (arg: 1–4, default 3); returns QuizTestState. */
  gradeCurrent: 'til.test.quiz.gradeCurrent',
  /** Returns QuizTestState. */
  state: 'til.test.quiz.state',
  /** Runs a card action on the current card (arg: 'skip' | 'suspend' | 'notQuestion' | 'burySiblings'); returns QuizTestState. */
  act: 'til.test.quiz.act',
} as const;

export interface QuizFeature extends vscode.Disposable {
  dueCount(): number;
  dueCards(): CardGroup[];
  /** How many of dueCards() were never answered. */
  dueNewCount(): number;
  /** Terms of "Name the term" due for review now (not among dueCards()). */
  dueTermCount(): number;
  /** False in a window with only the starter notes where nothing was ever reviewed (no count at all then). */
  showsDue(): boolean;
  hiddenCards(): HiddenCard[];
  /** How well a term is known in the quiz (undefined while the quiz is not loaded or has no progress for it). */
  mastery(termKey: string): TermMastery | undefined;
  readonly onDidChangeDue: vscode.Event<void>;
  readonly onDidChangeHidden: vscode.Event<void>;
  readonly controller: QuizController;
}

export function registerQuiz(services: Services, options: QuizOptions = {}, load: () => QuizBundle = loadQuizBundle): QuizFeature {
  let controller: QuizController | undefined;
  const dueChanged = new vscode.EventEmitter<void>();
  const hiddenChanged = new vscode.EventEmitter<void>();
  const relay: vscode.Disposable[] = [dueChanged, hiddenChanged];
  const quiz = (): QuizController => {
    if (!controller) {
      const bundle = load();
      controller = new bundle.QuizController(services, options);
      relay.push(controller.onDidChangeDue(() => dueChanged.fire()));
      relay.push(controller.onDidChangeHidden(() => hiddenChanged.fire()));
      dueChanged.fire();
    }
    return controller;
  };
  // Commands and the panel serializer are registered now; the implementation loads on first use, or
  // right after activation for the status bar's due count.
  const warmUp = setTimeout(quiz, 0);
  const disposables: vscode.Disposable[] = [
    { dispose: () => clearTimeout(warmUp) },
    vscode.commands.registerCommand(Commands.startQuiz, (arg?: unknown) => quiz().start(arg)),
    vscode.commands.registerCommand(Commands.practiceQuiz, (arg?: unknown) => quiz().start(arg, true)),
    vscode.commands.registerCommand(Commands.unhideCard, (arg?: unknown) => {
      // From the tree: the hidden-card node; from a command link or a test: the card key.
      const key =
        typeof arg === 'string'
          ? arg
          : typeof arg === 'object' && arg !== null && typeof (arg as { key?: unknown }).key === 'string'
            ? (arg as { key: string }).key
            : undefined;
      return key ? quiz().unhide(key) : false;
    }),
    vscode.commands.registerCommand(Commands.exportProgress, () => quiz().exportProgress()),
    vscode.commands.registerCommand(Commands.exportAnkiCards, () => quiz().exportAnkiCards()),
    vscode.commands.registerCommand(Commands.importProgress, (arg?: unknown) => quiz().importProgress(arg)),
    vscode.commands.registerCommand(Commands.resetProgress, (arg?: unknown) => quiz().resetProgress(arg)),
    vscode.window.registerWebviewPanelSerializer(QUIZ_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => quiz().revive(panel, state),
    }),
  ];
  if (services.context.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(
      vscode.commands.registerCommand(QuizTestCommands.gradeCurrent, async (grade?: unknown) => {
        const c = quiz();
        await c.whenLoaded();
        await c.grade(load().isGrade(grade) ? grade : 3);
        await c.flush();
        return c.testState();
      }),
      vscode.commands.registerCommand(QuizTestCommands.act, async (action?: unknown) => {
        const c = quiz();
        await c.whenLoaded();
        if (typeof action === 'string') await c.act(action as CardAction);
        await c.flush();
        return c.testState();
      }),
      vscode.commands.registerCommand(QuizTestCommands.state, async () => {
        const c = quiz();
        await c.whenLoaded();
        return c.testState();
      }),
    );
  }
  return {
    get controller() {
      return quiz();
    },
    dueCount: () => controller?.dueCount() ?? 0,
    dueCards: () => controller?.dueCards() ?? [],
    dueNewCount: () => controller?.dueNewCount() ?? 0,
    dueTermCount: () => controller?.dueTermCount() ?? 0,
    showsDue: () => controller?.showsDue() ?? false,
    hiddenCards: () => controller?.hiddenCards() ?? [],
    mastery: (termKey) => controller?.mastery(termKey),
    onDidChangeDue: dueChanged.event,
    onDidChangeHidden: hiddenChanged.event,
    dispose() {
      controller?.dispose();
      for (const d of [...relay.splice(0), ...disposables.splice(0)]) d.dispose();
    },
  };
}
