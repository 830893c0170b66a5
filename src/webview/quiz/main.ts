// The quiz panel. Shows one card at a time: Space reveals the answer, 1–4 grade it (buttons too);
// in the term mode 1–4 pick a term. Everything comes from the host as typed messages; the panel
// keeps its screen with setState so a hidden panel comes back as it was. The screens' DOM is in screens.ts.
import './quiz.css';
import {
  parseHostMessage,
  type CardAction,
  type CardView,
  type Grade,
  type ProgressView,
  type QuizStrings,
  type QuizViewState,
  type TermView,
  type WebviewToHost,
} from '../../shared/quizProtocol';
import { format, readStrings, vscodeApi } from '../shared/vscodeApi';
import { el } from './dom';
import { renderCard, renderEmpty, renderSummary, renderTerm, type Chosen, type ScreenHost } from './screens';

const vscode = vscodeApi<QuizViewState, WebviewToHost>();
const pageStrings = readStrings<QuizStrings>();

let state: QuizViewState = vscode.getState() ?? { sessionId: '', scopeLabel: '', revealed: false };
const strings = (): QuizStrings => pageStrings;

const app = document.getElementById('app') ?? document.body;
app.replaceChildren();

const header = el('header', { class: 'bar' });
const scopeLabel = el('span', { class: 'scope' });
const progressBar = el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0' });
const progressFill = el('div', { class: 'progress-fill' });
progressBar.append(progressFill);
const progressText = el('span', { class: 'progress-text', 'aria-live': 'polite' });
const limitsText = el('span', { class: 'limits', id: 'limits' });
header.append(scopeLabel, progressBar, progressText, limitsText);
const screen = el('section', { class: 'screen' });
const live = el('div', { class: 'visually-hidden', 'aria-live': 'assertive', role: 'status' });
app.append(header, screen, live);

function save(): void {
  vscode.setState(state);
}

function post(message: WebviewToHost): void {
  vscode.postMessage(message);
}

const host: ScreenHost = { screen, live, strings, post, revealAnswer, grade, choose, nextItem, act, undo };

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
      if (current.item.kind === 'card') renderCard(host, current.item, state.revealed, current.notice);
      else renderTerm(host, current.item, chosenFor(current.item), current.notice);
      break;
    case 'summary':
      updateProgress(current.progress);
      renderSummary(host, current.summary);
      break;
    case 'empty':
      updateProgress(undefined);
      renderEmpty(host, current.message);
      break;
    default:
      break;
  }
}

function updateProgress(p: ProgressView | undefined): void {
  const s = strings();
  const limits = p?.limits;
  limitsText.hidden = !limits;
  limitsText.textContent = limits
    ? `${format(s.limitsNew, limits.newToday, limits.newPerDay)} · ${format(s.limitsReviews, limits.reviewsToday, limits.reviewsPerDay)}`
    : '';
  if (limits) limitsText.title = s.limitsLabel;
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

/** The pick for this term, if it was made in the current session. */
function chosenFor(term: TermView): Chosen | undefined {
  return state.chosen && state.chosen.key === term.key && state.chosen.sessionId === state.sessionId ? state.chosen : undefined;
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

function act(action: CardAction): void {
  const item = currentItem();
  if (!item || busy || (action !== 'skip' && item.kind !== 'card')) return;
  setBusy();
  post({ type: 'act', key: item.key, action });
}

function undo(key: string): void {
  if (busy) return;
  setBusy();
  post({ type: 'undo', key });
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

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = parseHostMessage(event.data);
  if (!msg) return;
  busy = false;
  screen.removeAttribute('aria-busy');
  switch (msg.type) {
    case 'init':
      if (msg.sessionId !== state.sessionId) {
        state = { sessionId: msg.sessionId, scopeLabel: msg.scopeLabel, scope: msg.scope, revealed: false };
      } else {
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
