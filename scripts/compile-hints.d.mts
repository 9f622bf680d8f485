/** The magic comment that asks V8 to compile every function of a script eagerly. */
export const COMPILE_HINT: string;

interface SourceMapLike {
  mappings?: string;
  sections?: Array<{ offset: { line: number; column: number }; map: unknown }>;
  [key: string]: unknown;
}

/** The chunks some page loads at startup, relative to the build folder ("static/chunks/x.js"). */
export function startupChunks(distDir: string): string[];

/** The chunk with the hint on its first line, and its source map moved down that line. */
export function withCompileHint<M extends SourceMapLike | undefined>(
  source: string,
  map: M,
): { source: string; map: M };

/** Marks the startup chunks of a build in place; returns them. */
export function addCompileHints(distDir: string): string[];
