import * as vscode from 'vscode';
import type { QuizStrings } from '../../shared/quizProtocol';

/** Strings for the webview, translated on the host (English source strings, `{0}` placeholders kept for the webview). */
export function webviewStrings(): QuizStrings {
  const t = vscode.l10n.t;
  return {
    title: t('Quiz'),
    question: t('Question'),
    answer: t('Answer'),
    reveal: t('Show answer'),
    revealHint: t('Press Space to show the answer.'),
    gradeHint: t('How well did you remember? Press 1 Again, 2 Hard, 3 Good or 4 Easy.'),
    chooseHint: t('Which term is this? Press 1–4 to choose.'),
    next: t('Next'),
    again: t('Again'),
    hard: t('Hard'),
    good: t('Good'),
    easy: t('Easy'),
    openNote: t('Open note'),
    progress: t('{0} of {1}', '{0}', '{1}'),
    remaining: t('{0} left', '{0}'),
    correct: t('Right!'),
    wrong: t('Not quite: it is {0}', '{0}'),
    whichTerm: t('Which term does this explain?'),
    summaryTitle: t('Session complete'),
    summaryReviewed: t('{0} reviewed', '{0}'),
    summaryCorrect: t('{0} of {1} remembered', '{0}', '{1}'),
    summaryNextDue: t('Next review: {0}', '{0}'),
    summaryMissed: t('To look at again'),
    restart: t('Start again'),
    close: t('Close'),
    emptyTitle: t('Nothing to review'),
    emptyBody: t('No cards are due in this scope. Well done!'),
    loading: t('Loading…'),
  };
}
