import type { Topic } from '../../model';

/**
 * What makes a topic fit a document. One row per signal: the languages it applies to (absent: any code language), a
 * linear pattern tested against the document head, and what it turns on. Adding a framework is adding a row.
 */
export interface ContextSignal {
  languages?: readonly string[];
  /** Absent: the row always applies to its languages. */
  pattern?: RegExp;
  /** Every pattern must match (e.g. both `apiVersion:` and `kind:`). */
  allOf?: readonly RegExp[];
  topics?: readonly Topic[];
  kinds?: readonly string[];
  why: string;
}

export const C_FAMILY = ['c', 'cpp', 'objective-c', 'objective-cpp', 'cuda-cpp'];
export const JS_FAMILY = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'vue', 'svelte', 'html'];
export const JVM = ['java', 'kotlin', 'scala', 'groovy'];
const SHELL = ['shellscript', 'bash', 'sh', 'zsh', 'powershell'];

export const SIGNALS: readonly ContextSignal[] = [
  // Systems languages
  {
    languages: ['c', 'objective-c', 'asm', 'arm', 'asm-intel-x86-generic', 'riscv', 'nasm', 'linkerscript'],
    topics: ['os'],
    why: 'C and assembly are systems code',
  },
  {
    languages: C_FAMILY,
    pattern:
      /#\s*include\s*[<"](?:unistd|pthread|semaphore|signal|sched|fcntl|sys\/[\w]+|linux\/[\w/]+|asm\/[\w/]+|thread|mutex|atomic|condition_variable|shared_mutex|stdatomic|spawn|poll|termios)(?:\.h)?[>"]/,
    topics: ['os'],
    why: 'systems headers',
  },
  {
    languages: C_FAMILY,
    pattern:
      /#\s*include\s*[<"](?:linux\/|asm\/|kernel\/|(?:types|defs|param|riscv|x86|spinlock|sleeplock|proc|mmu|memlayout|traps|trap|buf|file|fs|syscall)\.h"|threads\/(?:thread|synch|interrupt)\.h")|\b(?:printk|EXPORT_SYMBOL|MODULE_LICENSE|panic\("|acquire\(&|release\(&|__init\b|intr_(?:disable|set_level)\s*\(|thread_(?:block|unblock)\s*\()/,
    kinds: ['kernel'],
    why: 'kernel headers or kernel calls',
  },
  {
    languages: ['rust'],
    pattern: /\buse\s+(?:std::(?:thread|sync|process|os)|libc|nix|crossbeam|parking_lot)\b|\bextern\s+crate\s+libc\b|#!\[no_std\]/,
    topics: ['os'],
    why: 'Rust systems crates',
  },
  {
    languages: ['go'],
    pattern: /"(?:syscall|sync|sync\/atomic|os\/exec|os\/signal|runtime|golang\.org\/x\/sys\/unix)"/,
    topics: ['os'],
    why: 'Go systems packages',
  },
  {
    languages: ['python'],
    pattern: /^\s*(?:import|from)\s+(?:os|multiprocessing|threading|subprocess|signal|fcntl|mmap|resource|ctypes)\b/m,
    topics: ['os'],
    why: 'Python process and thread modules',
  },
  { languages: SHELL, topics: ['os'], why: 'shell scripts run processes' },
  { languages: ['dockerfile'], topics: ['os'], why: 'a container image runs processes' },

  // Kubernetes
  {
    languages: ['yaml', 'helm'],
    allOf: [/^\s*apiVersion:\s*\S/m, /^\s*kind:\s*[A-Z]\w*/m],
    topics: ['kubernetes'],
    kinds: ['kubernetes-manifest'],
    why: 'YAML with apiVersion and kind',
  },
  { languages: SHELL, pattern: /\bkubectl\s+\w/, topics: ['kubernetes'], why: 'kubectl commands' },
  { languages: ['go'], pattern: /"k8s\.io\/(?:api|client-go|apimachinery)/, topics: ['kubernetes'], why: 'Go Kubernetes client' },
  { languages: JS_FAMILY, pattern: /['"]@kubernetes\/client-node['"]/, topics: ['kubernetes'], why: 'Kubernetes client for Node' },
  { languages: ['python'], pattern: /^\s*(?:from|import)\s+kubernetes\b/m, topics: ['kubernetes'], why: 'Kubernetes client for Python' },
  {
    languages: JVM,
    pattern: /^\s*import\s+(?:io\.fabric8\.kubernetes|io\.kubernetes\.client)/m,
    topics: ['kubernetes'],
    why: 'Kubernetes client for Java',
  },

  // WebRTC
  {
    languages: JS_FAMILY,
    pattern:
      /\bRTCPeerConnection\b|\bgetUserMedia\b|\bgetDisplayMedia\b|\bRTCDataChannel\b|['"](?:mediasoup-client|livekit-client|openvidu-browser|simple-peer|peerjs|kurento-utils|kurento-client|webrtc-adapter)['"]/,
    topics: ['webrtc'],
    kinds: ['browser'],
    why: 'WebRTC browser API',
  },
  { languages: ['go'], pattern: /"github\.com\/pion\/webrtc/, topics: ['webrtc'], why: 'Pion WebRTC' },
  { languages: ['python'], pattern: /^\s*(?:from|import)\s+aiortc\b/m, topics: ['webrtc'], why: 'aiortc' },
  {
    languages: JVM,
    pattern: /^\s*import\s+(?:org\.kurento|io\.openvidu|org\.webrtc)\./m,
    topics: ['webrtc'],
    why: 'Java WebRTC / media server client',
  },

  // Java and web servers
  { languages: JVM, topics: ['java'], why: 'JVM language' },
  { languages: ['java'], pattern: /\brecord\s+[A-Z]\w*\s*[(<]/, kinds: ['java-record'], why: 'declares a record' },
  {
    languages: JVM,
    pattern: /^\s*import\s+(?:javax|jakarta)\.servlet\.|\bextends\s+HttpServlet\b|\bDispatcherServlet\b/m,
    topics: ['web'],
    kinds: ['servlet'],
    why: 'servlet API',
  },
  {
    languages: ['nginx', 'apacheconf', 'properties', 'xml'],
    pattern: /\bproxy_pass\b|\bupstream\s+\w+\s*\{|<servlet>|<VirtualHost\b|\bfastcgi_pass\b/,
    topics: ['web'],
    why: 'web server configuration',
  },
];

/** Languages whose text is prose: every topic fits, as in the notes themselves. */
export const PROSE_LANGUAGES = new Set(['markdown', 'plaintext', 'mdx', 'restructuredtext', 'latex', 'asciidoc']);

/** Keywords of common languages: never explained by a note term's word match (glossary entries still may). */
export const KEYWORDS = new Set([
  'abstract',
  'async',
  'await',
  'auto',
  'bool',
  'boolean',
  'break',
  'byte',
  'case',
  'catch',
  'char',
  'class',
  'const',
  'continue',
  'def',
  'default',
  'delete',
  'do',
  'double',
  'else',
  'enum',
  'export',
  'extends',
  'extern',
  'false',
  'float',
  'fn',
  'for',
  'from',
  'func',
  'function',
  'go',
  'goto',
  'if',
  'impl',
  'implements',
  'import',
  'in',
  'instanceof',
  'int',
  'interface',
  'let',
  'long',
  'loop',
  'match',
  'mod',
  'module',
  'mut',
  'new',
  'nil',
  'none',
  'null',
  'object',
  'override',
  'package',
  'private',
  'protected',
  'pub',
  'public',
  'register',
  'return',
  'self',
  'short',
  'signed',
  'sizeof',
  'static',
  'struct',
  'super',
  'switch',
  'this',
  'throw',
  'throws',
  'true',
  'try',
  'type',
  'typedef',
  'typeof',
  'uint',
  'union',
  'unsigned',
  'use',
  'var',
  'void',
  'volatile',
  'where',
  'while',
  'yield',
  'string',
  'number',
  'undefined',
  'elif',
  'lambda',
  'pass',
  'with',
  'as',
  'is',
  'not',
  'and',
  'or',
  'val',
  'fun',
  'when',
  'inline',
  'constexpr',
  'template',
  'typename',
  'namespace',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'int8',
  'int16',
  'int32',
  'int64',
  'size_t',
  'uintptr_t',
  'uint64_t',
  'uint32_t',
]);
