// lib/policy: the one place where token lifetime rules live. Pure TypeScript: no React, MSAL or Graph.
export * from './types';
export * from './format';
export * from './timespan';
export * from './lifetime';
export * from './definition';
export * from './policy';
export * from './rules';
export * from './classify';
export * from './resolve';
export * from './impact';
export * from './audit';
