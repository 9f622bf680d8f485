/** Path of a Chromium or Chrome binary for Playwright, or undefined when none is installed. */
export function chromiumPath(): string | undefined;
export const CHROMIUM_ARGS: string[];
