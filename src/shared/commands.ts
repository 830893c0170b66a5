/**
 * A `command:` link target for trusted Markdown (hovers). No vscode import: the core's hover builder
 * and the CLI use it. The arguments are JSON, percent-encoded so nothing in them can end the link
 * (`encodeURIComponent` leaves `( ) ' ! * ~` alone; they are encoded too).
 */
export function commandLink(command: string, args: unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}
