import { firstScreenOf } from '@/app/first-screen';
import { sendFirstScreenRequests } from '@/app/first-screen-requests';
import { appApiBaseUrl } from '@/lib/app-config';

// The first screen's data is asked for now, and arrives while the rest of the app loads; the app starts
// from the same reading of the URL (docs/decisions/0055-first-screen.md).
const screen = firstScreenOf(window.location);
sendFirstScreenRequests(screen, appApiBaseUrl);
void import('@/app/start-app').then(({ startApp }) => startApp(screen));
