import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import CircularProgress from '@mui/material/CircularProgress';
import { AppShell } from './app-shell';
import type { FirstScreen } from './first-screen';
import { NotFoundPage } from './routes/not-found-page';
// Small: the Outreach SDK it needs loads apart (src/embed/outreach-extension.ts).
import { OutreachExtensionRoute } from './routes/outreach-extension-route';
import { PhoneNumbersRoute } from './routes/phone-numbers-route';

// The phone numbers are the first load; the other pages load when opened (docs/decisions/0055-first-screen.md).
const loadProspectRoute = () => import('./routes/prospect-route');
const loadEmbeddedRoute = () => import('./routes/embedded-phone-numbers-route');
const ProspectRoute = lazy(loadProspectRoute);
const EmbeddedPhoneNumbersRoute = lazy(loadEmbeddedRoute);
// Admins only, and rarely.
const UsersRoute = lazy(() => import('./routes/users-route'));
const SharedNumbersRoute = lazy(() => import('./routes/shared-numbers-route'));

/** Starts loading the page the app opens on, while its data is on its way. */
export function preloadFirstPage(screen: FirstScreen): void {
  if (screen.page === 'prospect') void loadProspectRoute();
  if (screen.page === 'embedded') void loadEmbeddedRoute();
}

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<CircularProgress aria-label="Loading the page" />}>{children}</Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="/phone-numbers" replace />} />
      {/* For a frame on another page: no app bar, no app chrome. */}
      <Route
        path="embed/prospects/:id/phone-numbers"
        element={
          <Loading>
            <EmbeddedPhoneNumbersRoute />
          </Loading>
        }
      />
      <Route path="embed/outreach/phone-numbers" element={<OutreachExtensionRoute />} />
      <Route element={<AppShell />}>
        <Route path="phone-numbers" element={<PhoneNumbersRoute />} />
        <Route
          path="prospects/:id"
          element={
            <Loading>
              <ProspectRoute />
            </Loading>
          }
        />
        <Route
          path="users"
          element={
            <Loading>
              <UsersRoute />
            </Loading>
          }
        />
        <Route
          path="shared-numbers"
          element={
            <Loading>
              <SharedNumbersRoute />
            </Loading>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
