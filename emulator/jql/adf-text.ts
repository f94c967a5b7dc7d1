/**
 * Plain text of an Atlassian Document Format value, for `description ~ …` and `text ~ …`.
 * Cached per document object because the same issue bean is matched by many queries.
 */
const cache = new WeakMap<object, string>();

export function adfText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  collect(value, parts);
  const text = parts.join(' ');
  cache.set(value, text);
  return text;
}

function collect(node: unknown, parts: string[]): void {
  if (typeof node !== 'object' || node === null) return;
  const record = node as { text?: unknown; content?: unknown; attrs?: unknown };
  if (typeof record.text === 'string') parts.push(record.text);
  // Mentions and emoji carry their visible text in attrs.
  if (typeof record.attrs === 'object' && record.attrs !== null) {
    const attrs = record.attrs as { text?: unknown };
    if (typeof attrs.text === 'string') parts.push(attrs.text);
  }
  if (Array.isArray(record.content)) {
    for (const child of record.content) collect(child, parts);
  }
}
