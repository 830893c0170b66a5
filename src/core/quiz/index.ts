export * from '../random';
export * from './similarity';
export * from './scheduler';
export * from './progress';
export * from './scope';
export * from './termChoices';
export * from './session';
export * from './sanitize';
