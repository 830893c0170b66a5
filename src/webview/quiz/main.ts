// The quiz panel. Shows one card at a time: Space reveals the answer, 1–4 grade it (buttons too);
// in the term mode 1–4 pick a term. Everything comes from the host as typed messages; the panel
// keeps its screen with setState so a hidden panel comes back as it was.
import './quiz.css';
import {
  format,
  type CardView,
  type Grade,
  type HostMessage,
  type ProgressView,
  type QuizStrings,
  type QuizWebviewState,
  type SummaryView,
  type TermView,
  type WebviewMessage,
} from '../../shared/quizProtocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): QuizWebviewState | undefined;
  setState(state: QuizWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

const FALLBACK: QuizStrings = {
  title: 'Quiz',
  question: 'Question',
  answer: 'Answer',
  reveal: 'Show answer',
  revealHint: 'Press Space to show the answer',
  gradeHint: 'How well did you remember? Press 1–4',
  chooseHint: 'Which term is this? Press 1–4',
  next: 'Next',
  again: 'Again',
  hard: 'Hard',
  good: 'Good',
  easy: 'Easy',
  openNote: 'Open note',
  progress: '{0} of {1}',
  remaining: '{0} left',
  correct: 'Right!',
  wrong: 'Not quite: it is {0}',
  whichTerm: 'Which term is explained here?',
  summaryTitle: 'Done!',
  summaryReviewed: '{0} reviewed',
  summaryCorrect: '{0} of {1} right',
  summaryNextDue: 'Next review: {0}',
  summaryMissed: 'To look at again',
  restart: 'Start again',
  close: 'Close',
  emptyTitle: 'Nothing to review',
  emptyBody: '',
  loading: 'Loading…',
};

let state: QuizWebviewState = vscode.getState() ?? { sessionId: '', scopeLabel: '', revealed: false };
const strings = (): QuizStrings => state.strings ?? FALLBACK;

const app = document.getElementById('app') ?? document.body;
app.replaceChildren();

const header = el('header', { class: 'bar' });
const scopeLabel = el('span', { class: 'scope' });
const progressBar = el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0' });
const progressFill = el('div', { class: 'progress-fill' });
progressBar.append(progressFill);
const progressText = el('span', { class: 'progress-text', 'aria-live': 'polite' });
header.append(scopeLabel, progressBar, progressText);
const screen = el('section', { class: 'screen' });
const live = el('div', { class: 'visually-hidden', 'aria-live': 'assertive', role: 'status' });
app.append(header, screen, live);

function save(): void {
  vscode.setState(state);
}

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

// ---- rendering ----

function render(): void {
  const s = strings();
  document.title = s.title;
  scopeLabel.textContent = state.scopeLabel;
  const current = state.screen;
  if (!current) {
    screen.replaceChildren(el('p', { class: 'hint' }, s.loading));
    return;
  }
  switch (current.type) {
    case 'show':
      updateProgress(current.progress);
      if (current.item.kind === 'card') renderCard(current.item);
      else renderTerm(current.item);
      break;
    case 'summary':
      updateProgress(current.progress);
      renderSummary(current.summary);
      break;
    case 'empty':
      updateProgress(undefined);
      renderEmpty(current.message);
      break;
    default:
      break;
  }
}

function updateProgress(p: ProgressView | undefined): void {
  const s = strings();
  if (!p || !p.total) {
    progressBar.hidden = true;
    progressText.textContent = '';
    return;
  }
  progressBar.hidden = false;
  const done = Math.min(p.position - 1, p.total);
  const text = p.position > p.total ? format(s.progress, p.total, p.total) : format(s.progress, p.position, p.total);
  progressBar.setAttribute('aria-valuemax', String(p.total));
  progressBar.setAttribute('aria-valuenow', String(done));
  progressBar.setAttribute('aria-valuetext', text);
  progressBar.setAttribute('aria-label', text);
  progressFill.style.width = `${(100 * done) / p.total}%`; // CSSOM, allowed by the CSP (no inline style attribute)
  progressText.textContent = text;
}

function meta(item: CardView | TermView): HTMLElement {
  const s = strings();
  const row = el('div', { class: 'meta' });
  row.append(el('span', { class: 'topic' }, item.topic));
  if (item.kind === 'card') {
    const link = el('a', { href: '#', class: 'open-note', role: 'button', 'aria-label': `${s.openNote}: ${item.source}` }, s.openNote);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      post({ type: 'openNote', key: item.key });
    });
    row.append(el('span', { class: 'source' }, item.source), link);
  }
  return row;
}

function renderCard(card: CardView): void {
  const s = strings();
  const nodes: Node[] = [meta(card)];
  const question = el('h1', { class: 'question', id: 'question', tabindex: '-1' }, card.question);
  nodes.push(question);
  if (!state.revealed) {
    const reveal = el('button', { class: 'primary reveal', id: 'reveal', 'aria-keyshortcuts': 'Space', 'aria-describedby': 'question' }, s.reveal);
    reveal.addEventListener('click', () => revealAnswer());
    nodes.push(reveal, el('p', { class: 'hint' }, s.revealHint));
    screen.replaceChildren(...nodes);
    reveal.focus();
    return;
  }
  const answer = el('div', { class: 'answer', id: 'answer', role: 'region', 'aria-label': s.answer, tabindex: '-1' });
  answer.innerHTML = card.answerHtml; // sanitised on the host
  const grades = el('div', { class: 'grades', role: 'group', 'aria-label': s.gradeHint });
  const labels: Record<Grade, string> = { 1: s.again, 2: s.hard, 3: s.good, 4: s.easy };
  let good: HTMLButtonElement | undefined;
  for (const g of [1, 2, 3, 4] as Grade[]) {
    const b = el(
      'button',
      { class: `grade grade-${g}`, 'data-grade': String(g), 'aria-keyshortcuts': String(g), 'aria-label': `${labels[g]} (${g}), ${card.intervals[g]}` },
      el('span', { class: 'key' }, String(g)),
      el('span', { class: 'label' }, labels[g]),
      el('span', { class: 'interval' }, card.intervals[g]),
    ) as HTMLButtonElement;
    b.addEventListener('click', () => grade(g));
    grades.append(b);
    if (g === 3) good = b;
  }
  nodes.push(answer, grades, el('p', { class: 'hint' }, s.gradeHint));
  screen.replaceChildren(...nodes);
  good?.focus();
}

function renderTerm(term: TermView): void {
  const s = strings();
  const chosen = state.chosen && state.chosen.key === term.key && state.chosen.sessionId === state.sessionId ? state.chosen : undefined;
  const nodes: Node[] = [meta(term), el('h1', { class: 'question', id: 'question', tabindex: '-1' }, s.whichTerm)];
  const prompt = el('div', { class: 'answer prompt', role: 'region', 'aria-label': s.whichTerm });
  prompt.innerHTML = term.promptHtml; // sanitised on the host
  nodes.push(prompt);
  const list = el('div', { class: 'choices', role: 'group', 'aria-label': s.chooseHint });
  const buttons: HTMLButtonElement[] = [];
  term.choices.forEach((choice, i) => {
    const b = el('button', { class: 'choice', 'aria-keyshortcuts': String(i + 1) }, el('span', { class: 'key' }, String(i + 1)), el('span', { class: 'label' }, choice)) as HTMLButtonElement;
    if (chosen) {
      b.disabled = i !== chosen.answer && i !== chosen.choice;
      if (i === chosen.answer) b.classList.add('right');
      else if (i === chosen.choice) b.classList.add('wrong');
      b.setAttribute('aria-disabled', 'true');
    } else {
      b.addEventListener('click', () => choose(i));
    }
    buttons.push(b);
    list.append(b);
  });
  nodes.push(list);
  if (chosen) {
    const feedback = el('p', { class: `feedback ${chosen.correct ? 'right' : 'wrong'}`, role: 'status' }, chosen.correct ? s.correct : format(s.wrong, term.choices[chosen.answer] ?? ''));
    const explanation = el('div', { class: 'answer explanation' });
    explanation.innerHTML = chosen.explanationHtml; // sanitised on the host
    const next = el('button', { class: 'primary next', 'aria-keyshortcuts': 'Space Enter' }, s.next);
    next.addEventListener('click', () => nextItem());
    nodes.push(feedback, explanation, next);
    screen.replaceChildren(...nodes);
    next.focus();
    return;
  }
  nodes.push(el('p', { class: 'hint' }, s.chooseHint));
  screen.replaceChildren(...nodes);
  buttons[0]?.focus();
}

function renderSummary(summary: SummaryView): void {
  const s = strings();
  const title = el('h1', { class: 'question', tabindex: '-1' }, s.summaryTitle);
  const stats = el('ul', { class: 'stats' });
  stats.append(el('li', {}, format(s.summaryReviewed, summary.reviewed)));
  stats.append(el('li', {}, format(s.summaryCorrect, summary.correct, summary.reviewed)));
  if (summary.mode === 'cards') {
    const labels: Record<Grade, string> = { 1: s.again, 2: s.hard, 3: s.good, 4: s.easy };
    const counts = ([1, 2, 3, 4] as Grade[]).map((g) => `${labels[g]} ${summary.counts[g]}`).join(' · ');
    stats.append(el('li', {}, counts));
  }
  if (summary.nextDue) stats.append(el('li', {}, format(s.summaryNextDue, summary.nextDue)));
  const nodes: Node[] = [title, stats];
  if (summary.missed.length) {
    const list = el('ul', { class: 'missed' });
    for (const m of summary.missed) list.append(el('li', {}, m));
    nodes.push(el('h2', {}, s.summaryMissed), list);
  }
  nodes.push(actions());
  screen.replaceChildren(...nodes);
  title.focus();
  live.textContent = `${s.summaryTitle} ${format(s.summaryReviewed, summary.reviewed)}`;
}

function renderEmpty(message: string): void {
  const s = strings();
  const title = el('h1', { class: 'question', tabindex: '-1' }, s.emptyTitle);
  screen.replaceChildren(title, el('p', {}, message || s.emptyBody), actions());
  title.focus();
}

function actions(): HTMLElement {
  const s = strings();
  const row = el('div', { class: 'actions' });
  const restart = el('button', { class: 'primary' }, s.restart);
  restart.addEventListener('click', () => post({ type: 'restart' }));
  const close = el('button', {}, s.close);
  close.addEventListener('click', () => post({ type: 'close' }));
  row.append(restart, close);
  return row;
}

// ---- actions ----

function currentItem(): CardView | TermView | undefined {
  return state.screen?.type === 'show' ? state.screen.item : undefined;
}

function revealAnswer(): void {
  const item = currentItem();
  if (!item || item.kind !== 'card' || state.revealed) return;
  state.revealed = true;
  save();
  render();
  live.textContent = strings().answer;
  post({ type: 'reveal', key: item.key });
}

function grade(g: Grade): void {
  const item = currentItem();
  if (!item || item.kind !== 'card' || !state.revealed) return;
  setBusy();
  post({ type: 'grade', key: item.key, grade: g });
}

function choose(i: number): void {
  const item = currentItem();
  if (!item || item.kind !== 'term' || state.chosen?.key === item.key || i < 0 || i >= item.choices.length) return;
  setBusy();
  post({ type: 'choose', key: item.key, choice: i });
}

function nextItem(): void {
  const item = currentItem();
  if (!item || item.kind !== 'term' || state.chosen?.key !== item.key) return;
  setBusy();
  post({ type: 'next' });
}

/** Until the host answers, ignore further keys for this item (no double grading). */
let busy = false;
function setBusy(): void {
  busy = true;
  screen.setAttribute('aria-busy', 'true');
}

document.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const item = currentItem();
  if (!item || busy) return;
  if (e.key === ' ' || e.key === 'Spacebar') {
    if (item.kind === 'card' && !state.revealed) {
      e.preventDefault();
      revealAnswer();
    } else if (item.kind === 'term' && state.chosen?.key === item.key) {
      e.preventDefault();
      nextItem();
    }
    return;
  }
  if (e.key === 'Enter' && item.kind === 'term' && state.chosen?.key === item.key) {
    e.preventDefault();
    nextItem();
    return;
  }
  const n = Number(e.key);
  if (Number.isInteger(n) && n >= 1 && n <= 4) {
    if (item.kind === 'card' && state.revealed) {
      e.preventDefault();
      grade(n as Grade);
    } else if (item.kind === 'term' && state.chosen?.key !== item.key) {
      e.preventDefault();
      choose(n - 1);
    }
  }
});

// Links in answers: the host opens them (web links outside, note links in the editor).
screen.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
  if (!a || a.classList.contains('open-note')) return;
  e.preventDefault();
  const href = a.getAttribute('href') ?? '';
  if (href && !href.startsWith('#')) post({ type: 'openLink', href });
});

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const msg = event.data;
  if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;
  busy = false;
  screen.removeAttribute('aria-busy');
  switch (msg.type) {
    case 'init':
      if (msg.sessionId !== state.sessionId) {
        state = { sessionId: msg.sessionId, scopeLabel: msg.scopeLabel, scope: msg.scope, strings: msg.strings, revealed: false };
      } else {
        state.strings = msg.strings;
        state.scopeLabel = msg.scopeLabel;
        state.scope = msg.scope;
      }
      break;
    case 'show': {
      const prev = currentItem();
      const same = state.sessionId === msg.sessionId && prev?.key === msg.item.key && state.screen?.type === 'show';
      const progressed = same && state.screen?.type === 'show' && state.screen.progress.position !== msg.progress.position;
      if (!same || progressed) {
        state.revealed = false;
        state.chosen = undefined;
      }
      state.sessionId = msg.sessionId;
      state.screen = msg;
      break;
    }
    case 'chosen':
      state.chosen = msg;
      break;
    case 'summary':
    case 'empty':
      state.sessionId = msg.sessionId;
      state.screen = msg;
      state.revealed = false;
      state.chosen = undefined;
      break;
    default:
      return;
  }
  save();
  render();
});

render();
post({ type: 'ready', sessionId: state.sessionId || undefined });

// ---- DOM helper ----

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}
