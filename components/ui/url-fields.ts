// What a view keeps in its URL, parsed and checked on read: a link is typed by hand, shared, or
// older than the view, so an unknown value falls back to the field's default and never throws.

export interface UrlField<T> {
  parse(raw: string | null): T;
  /** undefined leaves the parameter out of the URL (the default needs no parameter). */
  // Method syntax on purpose: a schema mixes fields of different value types.
  serialize(value: T): string | undefined;
}

export type UrlSchema = Record<string, UrlField<unknown>>;
export type UrlValues<S extends UrlSchema> = { [K in keyof S]: ReturnType<S[K]['parse']> };

/** Free text (a search box): anything goes, absent is empty. */
export function textField(): UrlField<string> {
  return { parse: (raw) => raw ?? '', serialize: (value) => value || undefined };
}

/** One of a known set; anything else is the fallback. */
export function oneOfField<const V extends string, const F extends V | ''>(
  values: readonly V[],
  fallback: F,
): UrlField<V | F> {
  const known = new Set<string>(values);
  return {
    parse: (raw) => (raw !== null && known.has(raw) ? (raw as V) : fallback),
    serialize: (value) => (value === fallback ? undefined : value),
  };
}

/** A checkbox: "1" is on, anything else is off. */
export function flagField(): UrlField<boolean> {
  return { parse: (raw) => raw === '1', serialize: (value) => (value ? '1' : undefined) };
}

export function parseUrlValues<S extends UrlSchema>(
  params: Pick<URLSearchParams, 'get'>,
  schema: S,
): UrlValues<S> {
  const values = {} as Record<string, unknown>;
  for (const [key, field] of Object.entries(schema)) values[key] = field.parse(params.get(key));
  return values as UrlValues<S>;
}

/** The parameters to write for a change: each known field serialized, defaults removed. */
export function serializeUrlValues<S extends UrlSchema>(
  schema: S,
  changes: Partial<UrlValues<S>>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(changes)) {
    const field = schema[key];
    if (field) out[key] = field.serialize(value);
  }
  return out;
}
