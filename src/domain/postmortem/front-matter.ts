// YAML (`---`) and TOML (`+++`) front matter, as static-site generators put it before the Markdown (the PyPI
// blog, the MoJ handbook, the Rust blog). Only flat `key: value` / `key = value` pairs and simple lists are
// read; anything else stays as written so nothing is lost.

export interface FrontMatter {
  /** Keys in lower case with their values (a list gives one value per entry), in order. */
  fields: Array<{ key: string; values: string[]; line: string }>;
  /** Lines of the block that are not a flat field (nested tables, comments), as written. */
  unread: string[];
  /** The Markdown after the block. */
  body: string[];
}

const YAML_PAIR = /^([A-Za-z][\w-]{0,40}):(?:[ \t]+(.*))?$/;
const TOML_PAIR = /^([A-Za-z][\w-]{0,40})[ \t]*=[ \t]*(.*)$/;
const YAML_LIST_ENTRY = /^[ \t]+-[ \t]+(.*)$/;
const YAML_CONTINUATION = /^[ \t]+\S/;

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && /^(["']).*\1$/.test(trimmed)) return trimmed.slice(1, -1);
  return trimmed;
}

/** `["a", "b"]` (TOML or YAML flow list) as its entries; anything else as one value. */
function listValues(value: string): string[] {
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return trimmed === '' ? [] : [unquote(trimmed)];
  return trimmed
    .slice(1, -1)
    .split(',')
    .map(unquote)
    .filter((entry) => entry !== '');
}

/** Splits off a front matter block when the file starts with one; otherwise every line is body. */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const fence = lines[0]?.trimEnd();
  if (fence !== '---' && fence !== '+++') return { fields: [], unread: [], body: [...lines] };
  let end = 1;
  while (end < lines.length && lines[end]?.trimEnd() !== fence) end += 1;
  if (end >= lines.length) return { fields: [], unread: [], body: [...lines] };
  const fields: FrontMatter['fields'] = [];
  const unread: string[] = [];
  let inTable = false;
  for (const line of lines.slice(1, end)) {
    const last = fields[fields.length - 1];
    if (fence === '+++' && /^\s*\[.*\]\s*$/.test(line)) inTable = true;
    if (line.trim() === '') continue;
    const entry = fence === '---' ? YAML_LIST_ENTRY.exec(line) : null;
    if (entry && last !== undefined) {
      last.values.push(unquote(entry[1] ?? ''));
      last.line = `${last.line}\n${line}`;
      continue;
    }
    // A YAML value folded onto indented lines (`description: We responded …` + two more lines).
    if (fence === '---' && YAML_CONTINUATION.test(line) && last !== undefined && last.values.length === 1) {
      last.values[0] = `${last.values[0] ?? ''} ${line.trim()}`;
      last.line = `${last.line}\n${line}`;
      continue;
    }
    const pair = inTable ? null : (fence === '---' ? YAML_PAIR : TOML_PAIR).exec(line);
    if (pair) {
      fields.push({ key: (pair[1] ?? '').toLowerCase(), values: listValues(pair[2] ?? ''), line });
      continue;
    }
    unread.push(line);
  }
  return { fields, unread, body: lines.slice(end + 1) };
}
