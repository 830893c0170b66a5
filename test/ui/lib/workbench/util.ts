// Small helpers shared by the workbench page objects.

/** A pause between polls of a condition (never a wait for something to happen by itself). */
export const pollInterval = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** TIL_UI_DEBUG=1 prints each step with its time. */
export const debug =
  process.env.TIL_UI_DEBUG === '1' ? (msg: string) => console.error(`[ui ${new Date().toISOString().slice(11, 23)}] ${msg}`) : () => {};

/** Time left before `deadline`, never less than `floor` (Playwright treats 0 as "no timeout"). */
export const left = (deadline: number, floor = 200) => Math.max(floor, deadline - Date.now());
