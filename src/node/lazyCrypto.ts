// node:crypto costs several milliseconds to load; the extension needs it only after activation
// (hashing notes, webview nonces), so it is required on first use.
type Crypto = typeof import('node:crypto');
let loaded: Crypto | undefined;

export function crypto(): Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('node:crypto') as Crypto);
}
