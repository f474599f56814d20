import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { isCalendarDay } from '../schemas/phone-number-list-state';

/** Before it, a date field's year is still being typed ("2" is the year 0002 to the browser). */
const FIRST_YEAR = '1970';

type Day = string | undefined;

interface PhoneNumberUpdatedFilterProps {
  /** The view's days (the URL's `updated=from..to`), `YYYY-MM-DD`. */
  from: Day;
  to: Day;
  onChange: (from: Day, to: Day) => void;
}

/** What a date field holds as a day for the view, or null while it holds none yet. */
function dayOf(text: string): Day | null {
  if (text === '') return undefined;
  return isCalendarDay(text) && text >= FIRST_YEAR ? text : null;
}

interface Typed {
  from: string;
  to: string;
}

/** The days the fields ask for: a "to" before the "from" asks for none. Null while one is half typed. */
function daysOf(typed: Typed): [Day, Day] | null {
  const [first, last] = [dayOf(typed.from), dayOf(typed.to)];
  if (first === null || last === null) return null;
  return first !== undefined && last !== undefined && last < first
    ? [first, undefined]
    : [first, last];
}

/**
 * "Updated from" and "Updated to": the numbers last changed on those days or between them, both
 * included, in the rep's time zone; filtered by the server. A "to" before the "from" is said under it
 * and left out of the view.
 */
export function PhoneNumberUpdatedFilter({ from, to, onChange }: PhoneNumberUpdatedFilterProps) {
  const [text, setText] = useState<Typed>({ from: from ?? '', to: to ?? '' });
  // The view changed elsewhere (back, forward, a link): show its days, unless they are the ones typed.
  const [shown, setShown] = useState({ from, to });
  if (shown.from !== from || shown.to !== to) {
    setShown({ from, to });
    const typed = daysOf(text);
    if (typed === null || typed[0] !== from || typed[1] !== to) {
      setText({ from: from ?? '', to: to ?? '' });
    }
  }

  const backwards = text.from !== '' && text.to !== '' && text.to < text.from;
  const change = (next: Typed) => {
    setText(next);
    const days = daysOf(next);
    if (days !== null && (days[0] !== from || days[1] !== to)) onChange(...days);
  };
  const field = { size: 'small', type: 'date', sx: { width: { xs: '100%', sm: 170 } } } as const;
  return (
    <>
      <TextField
        {...field}
        label="Updated from"
        value={text.from}
        slotProps={{ inputLabel: { shrink: true } }}
        onChange={(event) => {
          change({ ...text, from: event.target.value });
        }}
      />
      <TextField
        {...field}
        label="Updated to"
        value={text.to}
        error={backwards}
        helperText={backwards ? 'On or after Updated from' : undefined}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: text.from || undefined } }}
        onChange={(event) => {
          change({ ...text, to: event.target.value });
        }}
      />
    </>
  );
}
