import type { PageParams } from './read-page-params';

/** The page's query string with month and projects set, keeping any other parameters Jira added. */
export function writePageParams(search: string, params: PageParams): string {
  const next = new URLSearchParams(search);
  next.set('month', params.month);
  if (params.projectKeys.length > 0) next.set('projects', params.projectKeys.join(','));
  else next.delete('projects');
  // URLSearchParams encodes the comma; a readable `INC,OPS` is what people paste and share.
  return `?${next.toString().replace(/%2C/gi, ',')}`;
}
