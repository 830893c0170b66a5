// Entry of dist/quiz.js: the quiz implementation (FSRS, sessions, the panel), loaded on first use so that
// activating the extension does not compile it.
export { QuizController } from './quizController';
export { isGrade } from '../../core/quiz/scheduler';
