import { useCallback, useEffect, useRef, useState } from 'react';
import { openHostHistory, type HostHistory } from '../../../shared/api/bridge';
import { readPageParams, type PageParams } from '../logic/read-page-params';
import { writePageParams } from '../logic/write-page-params';

/**
 * Month and projects live in Jira's page URL (through the bridge's history, since the iframe's own
 * URL is not the one people share) so a report can be linked. `null` until that URL has been read,
 * so a shared link does not first load the default month. replace (not push): switching months
 * should not fill the back button with every month looked at.
 */
export function usePageParams() {
  const [params, setParams] = useState<PageParams | null>(null);
  const history = useRef<HostHistory | null>(null);

  useEffect(() => {
    let cancelled = false;
    void openHostHistory().then((opened) => {
      if (cancelled) return;
      history.current = opened;
      setParams(readPageParams(opened?.location.search ?? window.location.search, new Date()));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const update = useCallback((next: Partial<PageParams>) => {
    setParams((previous) => (previous ? { ...previous, ...next } : previous));
  }, []);

  useEffect(() => {
    if (!params) return;
    const host = history.current;
    if (host) {
      host.replace({
        pathname: host.location.pathname,
        search: writePageParams(host.location.search, params),
      });
      return;
    }
    const { pathname, search, hash } = window.location;
    window.history.replaceState(
      window.history.state,
      '',
      `${pathname}${writePageParams(search, params)}${hash}`,
    );
  }, [params]);

  return { params, update };
}
