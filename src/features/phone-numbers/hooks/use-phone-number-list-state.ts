import { useCallback, useEffect, useInsertionEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  parsePhoneNumberListState,
  serializePhoneNumberListState,
  type PhoneNumberListState,
} from '../schemas/phone-number-list-state';

/**
 * Sets the view; given a function, computes it from the view as it is at that moment, including a change
 * asked for a moment ago that the page has not rendered yet (a filter chosen, then a header clicked).
 */
export type SetPhoneNumberListState = (
  next: PhoneNumberListState | ((current: PhoneNumberListState) => PhoneNumberListState),
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

  // The router renders a navigation at transition priority: until it has, `state` is the view before it.
  const latest = useRef(state);
  useInsertionEffect(() => {
    latest.current = state;
  }, [state]);

  const setState = useCallback<SetPhoneNumberListState>(
    (next, options) => {
      const value = typeof next === 'function' ? next(latest.current) : next;
      latest.current = value;
      void navigate({ search: serializePhoneNumberListState(value) }, options);
    },
    [navigate],
  );
  return [state, setState];
}
