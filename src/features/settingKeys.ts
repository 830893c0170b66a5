// No vscode import: unit tests check these keys against package.json.
export const SECTION = 'tilCompanion';

/**
 * The settings this extension reads, by key under `tilCompanion.`. Defaults live only in package.json
 * (`contributes.configuration`); a value of the wrong type falls back to that default, never to a copy here.
 */
export const Setting = {
  include: 'notes.include',
  exclude: 'notes.exclude',
  extraFolders: 'notes.extraFolders',
  includeBundled: 'notes.includeBundled',
  maxFileSizeKB: 'notes.maxFileSizeKB',
  glossaryFiles: 'glossary.files',
  hoverEnabled: 'hover.enabled',
  hoverLanguages: 'hover.languages',
  hoverExcerptLength: 'hover.excerptLength',
  diagramsTheme: 'diagrams.theme',
  quizNewCardsPerDay: 'quiz.newCardsPerDay',
  quizReviewsPerDay: 'quiz.reviewsPerDay',
  quizDesiredRetention: 'quiz.desiredRetention',
  quizRemoteImages: 'quiz.remoteImages',
  quizClozeCards: 'quiz.clozeCards',
  quizReverseCards: 'quiz.reverseCards',
  quizDiagramQuestions: 'quiz.diagramQuestions',
  walkthroughOnFirstRun: 'walkthrough.openOnFirstRun',
} as const;
export type SettingKey = (typeof Setting)[keyof typeof Setting];
