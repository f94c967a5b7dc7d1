/**
 * The indexed entity properties the app declares (`jira:entityProperty` in manifest.yml), so JQL
 * finds `postmortemStatus = FINAL` as Jira does once the app is installed. Reads just that block,
 * line by line: the repository has no direct YAML dependency, and the block's shape is fixed by Forge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JqlContext } from './jql/compile-jql.types';

type Alias = JqlContext['propertyAliases'][number];

const TYPES = new Set<Alias['type']>(['string', 'text', 'number', 'date', 'user']);

function isAliasType(value: string): value is Alias['type'] {
  return TYPES.has(value as Alias['type']);
}

export function parsePropertyAliases(manifest: string): Alias[] {
  const aliases: Alias[] = [];
  let inBlock = false;
  let propertyKey: string | undefined;
  let current: Partial<Alias> | undefined;
  const flush = (): void => {
    if (current?.path && current.type && propertyKey) aliases.push({ ...current, propertyKey } as Alias);
    current = undefined;
  };
  for (const line of manifest.split('\n')) {
    if (/^ {2}[a-z][\w:-]*:\s*$/i.test(line)) {
      flush();
      inBlock = line.trim() === 'jira:entityProperty:';
      continue;
    }
    if (!inBlock) continue;
    const entry = /^\s*(-\s+)?(\w+):\s*(.+?)\s*$/.exec(line);
    if (!entry) continue;
    const [, , name, value = ''] = entry;
    if (name === 'propertyKey') propertyKey = value;
    else if (name === 'key') {
      flush();
      propertyKey = undefined;
    } else if (name === 'path') {
      flush();
      current = { path: value };
    } else if (name === 'type' && current && isAliasType(value)) current.type = value;
    else if (name === 'searchAlias' && current) current.searchAlias = value;
  }
  flush();
  return aliases;
}

/** The aliases of this repository's manifest.yml; none when it cannot be read. */
export function manifestPropertyAliases(manifestPath = join(__dirname, '..', 'manifest.yml')): Alias[] {
  try {
    return parsePropertyAliases(readFileSync(manifestPath, 'utf8'));
  } catch {
    return [];
  }
}
