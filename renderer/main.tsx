import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppProviders } from './app/AppProviders';
import { forwardWindowErrors } from './features/logs/report-errors';
import './ui/theme.css';
import './ui/layout.css';
import './ui/forms.css';

// The browser preview has no preload: install its WebSocket window.support before anything calls it.
// The Electron build never takes this branch, so the shim is tree-shaken out of it.
if (import.meta.env.MODE === 'preview') await import('./preview/install-preview-bridge');

// Errors outside React's boundaries (a failed event handler, a rejected promise) reach main's log too.
forwardWindowErrors();

// Follow the OS until settings load (a moment at start-up), rather than flash light in a dark room.
document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <App />
    </AppProviders>
  </StrictMode>,
);
