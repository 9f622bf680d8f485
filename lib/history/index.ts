// lib/history: who changed which token lifetime policy or link, from Entra's directory audit log.
export * from './activities';
export * from './entries';
export * from './queries';
