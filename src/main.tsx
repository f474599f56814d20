import { sendFirstScreenRequests } from '@/app/first-screen-requests';
import { appApiBaseUrl } from '@/lib/app-config';

// The first screen's data is asked for now, and arrives while the rest of the app loads
// (docs/decisions/0055-first-screen.md).
sendFirstScreenRequests(window.location, appApiBaseUrl);
void import('@/app/start-app').then(({ startApp }) => startApp());
