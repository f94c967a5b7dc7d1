import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IssuePanelApp } from './issue-panel-app';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <IssuePanelApp />
    </StrictMode>,
  );
