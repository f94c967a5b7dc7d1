/**
 * The searchable text of an ADF document (or a plain string, which older API versions return):
 * every text node, plus mention/emoji/status labels, joined by spaces so words never fuse.
 */
export function adfPlainText(value: unknown): string {
  if (typeof value === 'string') return value;
  const parts: string[] = [];
  collect(value, parts);
  return parts.join(' ');
}

function collect(node: unknown, parts: string[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) collect(child, parts);
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.text === 'string') parts.push(record.text);
  const attrs = record.attrs as Record<string, unknown> | undefined;
  if (attrs && typeof attrs.text === 'string') parts.push(attrs.text);
  if (Array.isArray(record.content)) collect(record.content, parts);
}
