import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import CircularProgress from '@mui/material/CircularProgress';
import { AppShell } from './app-shell';
import { EmbeddedPhoneNumbersRoute } from './routes/embedded-phone-numbers-route';
import { NotFoundPage } from './routes/not-found-page';
import { OutreachExtensionRoute } from './routes/outreach-extension-route';
import { PhoneNumbersRoute } from './routes/phone-numbers-route';
import { ProspectRoute } from './routes/prospect-route';

// Admins only, and rarely: not part of the phone numbers' first load.
const UsersRoute = lazy(() => import('./routes/users-route'));

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="/phone-numbers" replace />} />
      {/* For a frame on another page: no app bar, no app chrome. */}
      <Route path="embed/prospects/:id/phone-numbers" element={<EmbeddedPhoneNumbersRoute />} />
      <Route path="embed/outreach/phone-numbers" element={<OutreachExtensionRoute />} />
      <Route element={<AppShell />}>
        <Route path="phone-numbers" element={<PhoneNumbersRoute />} />
        <Route path="prospects/:id" element={<ProspectRoute />} />
        <Route
          path="users"
          element={
            <Suspense fallback={<CircularProgress aria-label="Loading the page" />}>
              <UsersRoute />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
