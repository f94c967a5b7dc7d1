import { enableJiraTheme } from '../../shared/api/bridge';
import { mountApp } from '../../shared/mount-app';
import { GlobalPageApp } from './global-page-app';

// Theme first so tokens resolve to Jira's light/dark values; render anyway if the bridge is absent (preview).
void enableJiraTheme()
  .catch(() => undefined)
  .finally(() => mountApp(<GlobalPageApp />));
