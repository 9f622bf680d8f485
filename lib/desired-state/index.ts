// lib/desired-state: baseline format, parser, drift plan and step runner. No React, no Graph client.
export * from './baseline';
export * from './parse';
export * from './plan';
export * from './apply';
export * from './describe';
