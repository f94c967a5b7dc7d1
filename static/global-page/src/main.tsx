import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableJiraTheme } from '../../shared/api/bridge';
import { GlobalPageApp } from './global-page-app';

// Theme first so tokens resolve to Jira's light/dark values; render anyway if the bridge is absent (preview).
void enableJiraTheme()
  .catch(() => undefined)
  .finally(() => {
    const root = document.getElementById('root');
    if (root)
      createRoot(root).render(
        <StrictMode>
          <GlobalPageApp />
        </StrictMode>,
      );
  });
