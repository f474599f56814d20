import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './app-shell';
import { NotFoundPage } from './routes/not-found-page';

// The grid page carries the DataGrid: its own chunk, so that the shell and the sign-in render without it.
const PhoneNumbersRoute = lazy(() =>
  import('./routes/phone-numbers-route').then((module) => ({ default: module.PhoneNumbersRoute })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="/phone-numbers" replace />} />
      <Route element={<AppShell />}>
        <Route path="phone-numbers" element={<PhoneNumbersRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
