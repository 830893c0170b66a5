/** VS Code language id for a file name, for tools outside the editor (CLI, benchmark) that have no TextDocument. */
const BY_EXTENSION: Record<string, string> = {
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  s: 'asm',
  S: 'asm',
  rs: 'rust',
  go: 'go',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  scala: 'scala',
  groovy: 'groovy',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  vue: 'vue',
  svelte: 'svelte',
  html: 'html',
  htm: 'html',
  py: 'python',
  rb: 'ruby',
  php: 'php',
  cs: 'csharp',
  swift: 'swift',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  toml: 'toml',
  xml: 'xml',
  properties: 'properties',
  conf: 'properties',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'plaintext',
  sql: 'sql',
};

export function languageOfFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (/^Dockerfile(\..*)?$|\.dockerfile$/i.test(base)) return 'dockerfile';
  if (/^Makefile$/i.test(base)) return 'makefile';
  if (/^nginx.*\.conf$/i.test(base)) return 'nginx';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return 'plaintext';
  const ext = base.slice(dot + 1);
  return BY_EXTENSION[ext] ?? BY_EXTENSION[ext.toLowerCase()] ?? 'plaintext';
}
