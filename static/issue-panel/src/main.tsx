import { mountApp } from '../../shared/mount-app';
import { IssuePanelApp } from './issue-panel-app';

// The panel enables Jira's theme itself, before its first load (use-panel-data.ts).
mountApp(<IssuePanelApp />);
