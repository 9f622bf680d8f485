// The policy engine: every token lifetime rule, pure TypeScript, shared by the UI and the demo tenant.
export * from './types';
export * from './format';
export * from './messages';
export * from './timespan';
export * from './lifetime';
export * from './definition';
export * from './policy';
export * from './rules';
export * from './resolve';
export * from './audit';
