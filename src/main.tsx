import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { createAuthSession } from '@/features/auth/auth-session';
import { appConfig } from '@/lib/app-config';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// Started once, outside React: an authorization code or a rotated refresh token must be spent only once.
const session = createAuthSession(appConfig.oauth);
void session.start();

createRoot(root).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
