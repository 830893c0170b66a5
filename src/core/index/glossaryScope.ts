/**
 * How a code identifier appears where it is written:
 * `call` fork(…), `type` sem_t s / struct spinlock, `member` pc.ontrack / p->chan, `word` anywhere else in code,
 * `key` a YAML key, `value` a YAML value, `string` inside a string literal, `annotation` @Value.
 */
export type CodeForm = 'call' | 'type' | 'member' | 'word' | 'key' | 'value' | 'string' | 'annotation';
export const CODE_FORMS: readonly CodeForm[] = ['call', 'type', 'member', 'word', 'key', 'value', 'string', 'annotation'];

/** Where a glossary entry applies. Absent fields do not restrict; an unscoped entry applies wherever its topic does. */
export interface GlossaryScope {
  /** VS Code language ids (`c`, `yaml`, `javascript`…). */
  languages?: string[];
  /** Document kinds the context recognises (`kernel`, `userspace`, `kubernetes-manifest`, `browser`, `java-record`…). */
  files?: string[];
  forms?: CodeForm[];
  /** YAML keys the key must sit directly under (`port` under `httpGet` is a probe's). */
  under?: string[];
}

export interface ScopedTerm {
  term: string;
  scope?: GlossaryScope;
}

/**
 * One glossary value: a term (`fork: fork`), a scoped term (`sleep: { term: …, files: [kernel] }`) or a list of them
 * for identifiers whose sense depends on where they are written. `fork()` as a key is shorthand for `form: call`.
 */
export function readGlossaryValue(code: string, value: unknown, report: (message: string) => void): { code: string; terms: ScopedTerm[] } {
  let bareCode = code;
  let keyForms: CodeForm[] | undefined;
  if (/^[A-Za-z_$][\w$]*\(\)$/.test(code)) {
    bareCode = code.slice(0, -2);
    keyForms = ['call'];
  }
  const terms: ScopedTerm[] = [];
  const items = Array.isArray(value) ? value : [value];
  if (!items.length) report(`Glossary entry "${code}" should name a term (text).`);
  for (const item of items) {
    const scoped = readOne(code, item, report);
    if (!scoped) continue;
    if (keyForms && !scoped.scope?.forms) scoped.scope = { ...scoped.scope, forms: keyForms };
    terms.push(scoped);
  }
  return { code: bareCode, terms };
}

function readOne(code: string, item: unknown, report: (message: string) => void): ScopedTerm | undefined {
  if (typeof item === 'string') {
    if (item.trim()) return { term: item.trim() };
    report(`Glossary entry "${code}" should name a term (text).`);
    return undefined;
  }
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    report(`Glossary entry "${code}" should name a term (text).`);
    return undefined;
  }
  const raw = item as Record<string, unknown>;
  if (typeof raw.term !== 'string' || !raw.term.trim()) {
    report(`Glossary entry "${code}" should name a term: { term: …, languages: […], files: […], form: […], under: […] }.`);
    return undefined;
  }
  const scope: GlossaryScope = {};
  const languages = stringList(raw.languages ?? raw.language);
  const files = stringList(raw.files ?? raw.file);
  const formNames = stringList(raw.form ?? raw.forms);
  const under = stringList(raw.under);
  if (under) scope.under = under;
  if (languages) scope.languages = languages.map((l) => l.toLowerCase());
  if (files) scope.files = files;
  if (formNames) {
    const unknown = formNames.filter((f) => !(CODE_FORMS as readonly string[]).includes(f));
    if (unknown.length) report(`Glossary entry "${code}": unknown form ${unknown.join(', ')} (known: ${CODE_FORMS.join(', ')}).`);
    const forms = formNames.filter((f): f is CodeForm => (CODE_FORMS as readonly string[]).includes(f));
    if (forms.length) scope.forms = forms;
  }
  for (const key of Object.keys(raw)) {
    if (!['term', 'languages', 'language', 'files', 'file', 'form', 'forms', 'under'].includes(key))
      report(`Glossary entry "${code}": unknown field "${key}".`);
  }
  return Object.keys(scope).length ? { term: raw.term.trim(), scope } : { term: raw.term.trim() };
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value.trim()) return [value.trim()];
  if (Array.isArray(value)) {
    const list = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
    return list.length ? list : undefined;
  }
  return undefined;
}
