import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders a Custom UI app into its `index.html`'s `#root`, in StrictMode. */
export function mountApp(app: ReactElement): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
