import { sendEarlySessionCheck } from '@/features/auth/auth-session';
import {
  PHONE_NUMBERS_PATH,
  phoneNumberListParams,
  phoneNumberListSearchParams,
} from '@/features/phone-numbers/api/get-phone-numbers';
import type { PhoneNumberListState } from '@/features/phone-numbers/schemas/phone-number-list-state';
import { PROSPECT_SEARCH_PARAMS, prospectPath } from '@/features/prospects/schemas/prospect';
import { PROSPECT_PROFILE_SEARCH_PARAMS } from '@/features/prospects/schemas/prospect-profile';
import { CURRENT_USER_PATH } from '@/features/users/api/get-current-user';
import { sendEarlyGet } from '@/lib/api-client';
import type { FirstScreen } from './first-screen';

/**
 * Sends, as the page starts, the GETs its first screen makes once the app has loaded and checked the
 * session, so that their answers are on their way while the JavaScript loads
 * (docs/decisions/0055-first-screen.md). The app asks for the same URLs as usual and takes these
 * answers; one it ends up not asking for costs a spare request.
 */
export function sendFirstScreenRequests(screen: FirstScreen, baseUrl: string): void {
  if (screen.page === 'extension') return;
  sendEarlySessionCheck();
  const sendList = (list: PhoneNumberListState) => {
    sendEarlyGet(
      baseUrl,
      PHONE_NUMBERS_PATH,
      phoneNumberListSearchParams(phoneNumberListParams(list)),
    );
    if (list.prospect !== undefined) {
      sendEarlyGet(baseUrl, prospectPath(list.prospect), PROSPECT_SEARCH_PARAMS);
    }
  };
  // Every page asks who the user is: the app shell's app bar, and the embedded panel for its Import CSV.
  sendEarlyGet(baseUrl, CURRENT_USER_PATH);
  if (screen.page === 'embedded' || screen.page === 'phone-numbers') sendList(screen.list);
  if (screen.page === 'prospect') {
    sendEarlyGet(baseUrl, prospectPath(screen.prospectId), PROSPECT_PROFILE_SEARCH_PARAMS);
    sendList(screen.list);
  }
}
