import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  parsePhoneNumberListState,
  serializePhoneNumberListState,
  type PhoneNumberListState,
} from '../schemas/phone-number-list-state';

export type SetPhoneNumberListState = (
  next: PhoneNumberListState,
  options?: { replace?: boolean },
) => void;

/**
 * The grid's view, read from the page's search parameters; setting it navigates, so back and forward
 * walk through views. A URL with bad or stale parameters is replaced by its canonical form.
 */
export function usePhoneNumberListState(): [PhoneNumberListState, SetPhoneNumberListState] {
  const { search } = useLocation();
  const navigate = useNavigate();
  const state = useMemo(() => parsePhoneNumberListState(new URLSearchParams(search)), [search]);
  const canonical = serializePhoneNumberListState(state);

  useEffect(() => {
    if (canonical !== search) void navigate({ search: canonical }, { replace: true });
  }, [canonical, search, navigate]);

  const setState = useCallback<SetPhoneNumberListState>(
    (next, options) => {
      void navigate({ search: serializePhoneNumberListState(next) }, options);
    },
    [navigate],
  );
  return [state, setState];
}
