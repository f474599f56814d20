import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { createAuthSession } from '@/features/auth/auth-session';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// Started once, outside React, so that the session check is under way before the first render.
const session = createAuthSession();
void session.start();

createRoot(root).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
