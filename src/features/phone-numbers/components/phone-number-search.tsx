import { useEffect, useRef, useState } from 'react';
import TextField from '@mui/material/TextField';
import { readNumberSearch } from '@contract/phone-number-search';

export const NUMBER_SEARCH_DEBOUNCE_MS = 300;

interface PhoneNumberSearchProps {
  /** The search the view holds (the URL's `number`). */
  value: string | undefined;
  /** A search to run, or undefined for none; called once typing pauses, or on Enter. */
  onChange: (value: string | undefined) => void;
}

/**
 * "Find a number": a number however a rep writes it, or some of its digits, searched across prospects
 * by the server (decision 0053). What cannot be a number yet is explained under the field, not sent.
 */
export function PhoneNumberSearch({ value, onChange }: PhoneNumberSearchProps) {
  const [text, setText] = useState(value ?? '');
  // The view changed elsewhere (back, forward, a link): show its search.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }

  // A pause in typing acts on the view as it is then, not as it was at the first key.
  const current = useRef({ value, onChange });
  useEffect(() => {
    current.current = { value, onChange };
  }, [value, onChange]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );
  const commit = (typed: string) => {
    clearTimeout(timer.current);
    const search = typed.trim();
    const { value: shown, onChange: change } = current.current;
    if (search === '') {
      if (shown !== undefined) change(undefined);
    } else if (readNumberSearch(search).ok && search !== shown) {
      change(search);
    }
  };

  const check = text.trim() === '' ? undefined : readNumberSearch(text);
  const problem = check?.ok === false ? check : undefined;
  return (
    <TextField
      label="Find a number"
      type="search"
      size="small"
      sx={{ width: { xs: '100%', sm: 260 } }}
      value={text}
      autoComplete="off"
      error={problem !== undefined && !problem.incomplete}
      helperText={problem?.message ?? 'Any way it is written, or its last digits'}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          commit(typed);
        }, NUMBER_SEARCH_DEBOUNCE_MS);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(text);
      }}
    />
  );
}
