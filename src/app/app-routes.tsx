import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './app-shell';
import { EmbeddedPhoneNumbersRoute } from './routes/embedded-phone-numbers-route';
import { NotFoundPage } from './routes/not-found-page';
import { OutreachExtensionRoute } from './routes/outreach-extension-route';
import { PhoneNumbersRoute } from './routes/phone-numbers-route';
import { ProspectRoute } from './routes/prospect-route';

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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
