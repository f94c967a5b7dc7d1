import { useEffect, useState } from 'react';
import { getViewContext } from '../../../shared/api/bridge';

/** The Jira site's base URL, for links that must leave the app's iframe; '' until known or if unavailable. */
export function useSiteUrl(): string {
  const [siteUrl, setSiteUrl] = useState('');
  useEffect(() => {
    let cancelled = false;
    getViewContext()
      .then((context) => {
        if (!cancelled && context.siteUrl) setSiteUrl(context.siteUrl);
      })
      // Outside Jira (preview, tests) there is no context; relative links are the best available.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return siteUrl;
}
