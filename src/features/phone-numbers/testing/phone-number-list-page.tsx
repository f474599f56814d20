import { usePhoneNumberListState } from '../hooks/use-phone-number-list-state';
import { PhoneNumberList, type PhoneNumberListProspect } from '../components/phone-number-list';

/** A prospect of the US whose numbers the signed-in rep may change. */
const WRITABLE_PROSPECT: PhoneNumberListProspect = {
  id: 1,
  addressCountry: 'US',
  canWritePhoneNumbers: true,
};

/** The list narrowed to one prospect, its view in the URL, as the phone-numbers route shows it. */
export function PhoneNumberListPage({
  prospect = WRITABLE_PROSPECT,
}: {
  prospect?: PhoneNumberListProspect;
}) {
  const [state, setState] = usePhoneNumberListState();
  return <PhoneNumberList state={state} onStateChange={setState} prospect={prospect} />;
}
