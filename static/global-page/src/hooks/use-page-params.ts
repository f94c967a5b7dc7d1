import { useCallback, useState } from 'react';
import { readPageParams, type PageParams } from '../logic/read-page-params';
import { writePageParams } from '../logic/write-page-params';

/**
 * Month and projects live in the page URL so a report can be linked and shared. replaceState (not
 * pushState): switching months should not fill the back button with every month looked at.
 */
export function usePageParams() {
  const [params, setParams] = useState<PageParams>(() => readPageParams(window.location.search, new Date()));

  const update = useCallback((next: Partial<PageParams>) => {
    setParams((previous) => {
      const merged = { ...previous, ...next };
      const search = writePageParams(window.location.search, merged);
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${search}${window.location.hash}`,
      );
      return merged;
    });
  }, []);

  return { params, update };
}
