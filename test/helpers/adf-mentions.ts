/** The account ids an ADF document mentions (`mention` nodes), in document order. */
export function mentionedAccounts(body: unknown): string[] {
  const ids: string[] = [];
  JSON.stringify(body, (_key, value: unknown) => {
    const node = value as { type?: string; attrs?: { id?: string } } | null;
    if (node?.type === 'mention' && node.attrs?.id) ids.push(node.attrs.id);
    return value;
  });
  return ids;
}
