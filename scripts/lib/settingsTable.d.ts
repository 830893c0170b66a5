// Types for settingsTable.js.
export const START: string;
export const END: string;
export function settingsTable(repo: string): string;
export function withSettingsTable(readme: string, table: string): string;
export function normaliseTable(table: string): string;
