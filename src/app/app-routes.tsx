import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './app-shell';
import { NotFoundPage } from './routes/not-found-page';
import { PhoneNumbersRoute } from './routes/phone-numbers-route';

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
