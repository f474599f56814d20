/**
 * The least the `<prospect-phone-numbers>` module can carry with the fixed stack: the first screen's floor
 * (./first-screen.tsx) rendered in a shadow root through an Emotion cache, plus what adding a number needs
 * in the same file — an MUI Dialog with a TextField, react-hook-form with the zod resolver, and
 * libphonenumber's full metadata, the one that checks a number is real and tells its type. Nothing of the
 * app. bench:ui builds it to show where the element's budget sits against the stack (decision 0024).
 */
import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { zodResolver } from '@hookform/resolvers/zod';
import Dialog from '@mui/material/Dialog';
import TextField from '@mui/material/TextField';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { PhoneNumbersGrid } from './phone-numbers-grid';

const draft = z.object({
  number: z
    .string()
    .check(
      z.refine((value) => parsePhoneNumberWithError(value, 'US').isValid(), 'Not a valid number'),
    ),
});

function AddPhoneNumber({ onClose }: { onClose: () => void }) {
  const { register, handleSubmit, watch } = useForm({ resolver: zodResolver(draft) });
  const number = watch('number', '');
  return (
    <Dialog open onClose={onClose}>
      <form onSubmit={(event) => void handleSubmit(onClose)(event)}>
        <TextField
          {...register('number')}
          label="Number"
          helperText={parsePhoneNumberWithError(number || '+1', 'US').getType()}
        />
      </form>
    </Dialog>
  );
}

function PhoneNumbersWithAdd() {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setAdding(true);
        }}
      >
        Add phone number
      </button>
      <PhoneNumbersGrid />
      {adding && (
        <AddPhoneNumber
          onClose={() => {
            setAdding(false);
          }}
        />
      )}
    </>
  );
}

class ProspectPhoneNumbers extends HTMLElement {
  connectedCallback() {
    const shadow = this.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    shadow.append(container);
    createRoot(container).render(
      <CacheProvider value={createCache({ key: 'floor', container: shadow })}>
        <QueryClientProvider client={new QueryClient()}>
          <PhoneNumbersWithAdd />
        </QueryClientProvider>
      </CacheProvider>,
    );
  }
}

customElements.define('prospect-phone-numbers', ProspectPhoneNumbers);
