import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GlobalPageApp } from './global-page-app';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <GlobalPageApp />
    </StrictMode>,
  );
