import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useController, useForm } from 'react-hook-form';
import { formatRegion, regionName } from '@/lib/format';
import { formatInternational } from '@contract/phone-number-format';
import { ISO_COUNTRY_CODES, isIsoCountryCode, isoCountryOrDefault } from '@contract/iso-countries';
import {
  formatPhoneNumberAsYouType,
  parsePhoneNumberInput,
  phoneNumberDraftSchemaKeeping,
  suggestCountry,
  type CountrySuggestion,
  type PhoneNumberDraft,
  type PhoneNumberDraftValues,
} from '@contract/phone-number-rules';
import { splitPhoneNumberExtension } from '@contract/phone-number-search';
import { isPhoneType, PHONE_TYPES } from '@contract/phone-number-values';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { placeWriteError } from '@/lib/place-write-error';
import { describeWriteError } from '../utils/describe-write-error';
import { phoneTypeLabel } from '@/lib/phone-value-labels';
import { UNLISTED_VALUE_HINT } from '../utils/phone-number-labels';
import { NumberHoldersLine } from './number-holders-notice';

export interface PhoneNumberFormDialogProps {
  open: boolean;
  mode: 'add' | 'edit';
  /** The number being edited (mode 'edit'): its current values fill the form. */
  phoneNumber?: ListedPhoneNumber | undefined;
  /**
   * The prospect the number is, or is to be, on: other prospects that hold the number typed are named
   * under Number (decision 0058). Without it, nothing is looked up.
   */
  prospectId?: number | undefined;
  /** Country for a new number: the prospect's addressCountry, else DEFAULT_COUNTRY. */
  defaultCountry: string;
  onClose: () => void;
  /**
   * Saves; resolves when saved (the dialog then closes itself by calling onClose), or throws (ApiError
   * from '@/lib/api-error', or any Error).
   */
  onSubmit: (draft: PhoneNumberDraft) => Promise<void>;
  /**
   * Shown above the fields: what the app is doing about the save meanwhile (a notice that it waits out a
   * 429). The modal hides the page, and any notice on it, from the rep.
   */
  notice?: ReactNode;
}

type FieldName = keyof PhoneNumberDraftValues;

/** MUI keeps a line's height under a field for a helper text of one space, so messages don't move the dialog. */
const RESERVED_LINE = ' ';

const countryNames = new Map<string, string>(
  ISO_COUNTRY_CODES.map((code) => [code, formatRegion(code)]),
);
const countryName = (code: string) => countryNames.get(code) ?? code;
const COUNTRIES_BY_NAME: readonly string[] = [...ISO_COUNTRY_CODES].sort((a, b) =>
  countryName(a).localeCompare(countryName(b)),
);

/** Where each attribute a 422 names is typed in the form. */
const FIELD_OF_ATTRIBUTE: Readonly<Record<string, FieldName>> = {
  number: 'number',
  rawNumber: 'number',
  countryCode: 'countryCode',
  phoneType: 'phoneType',
  extension: 'extension',
};
const fieldOfAttribute = (attribute: string): FieldName | undefined =>
  Object.hasOwn(FIELD_OF_ATTRIBUTE, attribute) ? FIELD_OF_ATTRIBUTE[attribute] : undefined;

function initialValues(
  phoneNumber: ListedPhoneNumber | undefined,
  defaultCountry: string,
): PhoneNumberDraftValues {
  const countryCode = isoCountryOrDefault(phoneNumber?.countryCode ?? defaultCountry);
  return {
    number: phoneNumber?.number ? formatPhoneNumberAsYouType(phoneNumber.number, countryCode) : '',
    countryCode,
    phoneType: phoneNumber?.phoneType ?? 'other',
    extension: phoneNumber?.extension ?? '',
  };
}

/** The type of the number edited when it is none of ours (another API's): kept unless another is chosen. */
function keptTypeOf(phoneNumber: ListedPhoneNumber | undefined): string | null {
  const phoneType = phoneNumber?.phoneType ?? null;
  return phoneType === null || isPhoneType(phoneType) ? null : phoneType;
}

type PhoneNumberFormProps = Omit<PhoneNumberFormDialogProps, 'open'>;

/** The form inside the dialog, mounted afresh each time the dialog opens. */
function PhoneNumberForm({
  mode,
  phoneNumber,
  prospectId,
  defaultCountry,
  onClose,
  onSubmit,
  notice,
}: PhoneNumberFormProps) {
  const keptType = mode === 'edit' ? keptTypeOf(phoneNumber) : null;
  const resolver = useMemo(() => zodResolver(phoneNumberDraftSchemaKeeping(keptType)), [keptType]);
  const { control, handleSubmit, getValues, setValue, setError, setFocus, trigger, formState } =
    useForm<PhoneNumberDraftValues, unknown, PhoneNumberDraft>({
      resolver,
      defaultValues: initialValues(phoneNumber, defaultCountry),
    });
  const number = useController({ control, name: 'number', rules: { deps: ['extension'] } });
  const country = useController({ control, name: 'countryCode', rules: { deps: ['number'] } });
  const type = useController({ control, name: 'phoneType' });
  const extension = useController({ control, name: 'extension', rules: { deps: ['number'] } });
  const [failure, setFailure] = useState<string>();
  // A type the rep chose, or the stored one being edited, is never replaced by a suggestion.
  const typeChosen = useRef(mode === 'edit');
  const [typeSuggested, setTypeSuggested] = useState(false);
  // Whether Number changed after Country was last chosen: then the number's country wins, as on leaving it.
  const numberSinceCountry = useRef(false);
  const validate = { shouldValidate: formState.isSubmitted };

  function suggestType(typed: string, countryCode: string) {
    if (typeChosen.current) return;
    const parsed = parsePhoneNumberInput(typed, countryCode);
    if (parsed.ok && parsed.suggestedType !== undefined) {
      setValue('phoneType', parsed.suggestedType, validate);
      setTypeSuggested(true);
    }
  }

  function changeNumber(event: ChangeEvent<HTMLInputElement>) {
    // Kept as the rep types it: the number is stored in E.164, and rawNumber keeps the rep's writing.
    const typed = event.target.value;
    number.field.onChange(typed);
    numberSinceCountry.current = true;
    followNumberCountry(typed);
    suggestType(typed, getValues('countryCode'));
  }

  /** A number typed with its "+" country code moves Country there as soon as it is a whole number. */
  function followNumberCountry(typed: string) {
    if (!typed.trimStart().startsWith('+')) return;
    const parsed = parsePhoneNumberInput(typed, getValues('countryCode'));
    const home = parsed.ok ? parsed.country : undefined;
    if (home !== undefined && isIsoCountryCode(home) && home !== getValues('countryCode')) {
      setValue('countryCode', home, validate);
    }
  }

  /** The rep takes the country suggested under Number: chosen, as if picked in Country. */
  function acceptCountry(suggestion: CountrySuggestion) {
    numberSinceCountry.current = false;
    setValue('countryCode', suggestion.country);
    setValue('number', suggestion.number);
    suggestType(suggestion.number, suggestion.country);
    if (formState.isSubmitted) void trigger(['number', 'countryCode']);
    setFocus('number');
  }

  /**
   * After the number is typed: an extension typed after it moves to Extension, and its country to
   * Country, the number then written so that it reads the same there ("011 44 …" from the US becomes
   * "+44 …"). A country chosen after the number stays as chosen, and the rules say if it contradicts it.
   */
  function tidyNumber() {
    const numberLast = numberSinceCountry.current;
    numberSinceCountry.current = false;
    const { number: typed, countryCode, extension: typedExtension } = getValues();
    const parsed = parsePhoneNumberInput(typed, countryCode);
    if (!parsed.ok) return;
    const split = splitPhoneNumberExtension(typed);
    let body = typed;
    if (split.extension !== undefined && ['', split.extension].includes(typedExtension.trim())) {
      body = split.number.trim();
      setValue('number', body, validate);
      setValue('extension', split.extension, validate);
    }
    const home = parsed.country;
    if (!numberLast || home === undefined || home === countryCode || !isIsoCountryCode(home))
      return;
    const there = parsePhoneNumberInput(body, home);
    if (!there.ok || there.e164 !== parsed.e164) {
      setValue('number', formatInternational(parsed.e164), validate);
    }
    setValue('countryCode', home, validate);
  }

  async function save(draft: PhoneNumberDraft) {
    setFailure(undefined);
    try {
      await onSubmit(draft);
    } catch (error) {
      const placed = placeWriteError(error, fieldOfAttribute, describeWriteError);
      [...placed.fields].forEach(([field, message], index) => {
        setError(field, { type: 'server', message }, { shouldFocus: index === 0 });
      });
      setFailure(placed.message);
      return;
    }
    onClose();
  }

  const errors = formState.errors;
  const suggestion = suggestCountry(number.field.value, country.field.value);
  const typed = parsePhoneNumberInput(number.field.value, country.field.value);
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => {
        // Enter in Number submits without leaving it.
        if (numberSinceCountry.current) tidyNumber();
        void handleSubmit(save)(event);
      }}
      sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
    >
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {notice}
          {failure !== undefined && <Alert severity="error">{failure}</Alert>}
          <TextField
            label="Number"
            value={number.field.value}
            onChange={changeNumber}
            onBlur={() => {
              number.field.onBlur();
              tidyNumber();
            }}
            inputRef={number.field.ref}
            name={number.field.name}
            error={errors.number !== undefined}
            helperText={
              suggestion === undefined ? (
                (errors.number?.message ??
                (prospectId !== undefined && typed.ok ? (
                  <NumberHoldersLine
                    e164={typed.e164}
                    prospectId={prospectId}
                    exceptId={phoneNumber?.id}
                    fallback={RESERVED_LINE}
                  />
                ) : (
                  RESERVED_LINE
                )))
              ) : (
                <>
                  A {regionName(suggestion.country)} number?{' '}
                  <Link
                    component="button"
                    type="button"
                    variant="inherit"
                    sx={{ verticalAlign: 'baseline' }}
                    onClick={() => {
                      acceptCountry(suggestion);
                    }}
                  >
                    Use {regionName(suggestion.country)}
                  </Link>
                </>
              )
            }
            autoComplete="off"
            // The dialog opens for the number; MUI's focus trap leaves focus where it already is.
            autoFocus
            // Required without the label's asterisk, so that the label reads exactly "Number".
            slotProps={{ htmlInput: { inputMode: 'tel', 'aria-required': true } }}
            fullWidth
          />
          <Autocomplete
            options={COUNTRIES_BY_NAME}
            value={country.field.value}
            getOptionLabel={countryName}
            disableClearable
            autoHighlight
            onChange={(_, code) => {
              numberSinceCountry.current = false;
              country.field.onChange(code);
              suggestType(getValues('number'), code);
            }}
            onBlur={country.field.onBlur}
            renderInput={(params) => (
              <TextField
                {...params}
                label="Country"
                name={country.field.name}
                inputRef={country.field.ref}
                error={errors.countryCode !== undefined}
                helperText={errors.countryCode?.message ?? RESERVED_LINE}
              />
            )}
          />
          <TextField
            select
            label="Type"
            value={type.field.value}
            onChange={(event) => {
              typeChosen.current = true;
              setTypeSuggested(false);
              type.field.onChange(event.target.value);
            }}
            onBlur={type.field.onBlur}
            inputRef={type.field.ref}
            name={type.field.name}
            error={errors.phoneType !== undefined}
            helperText={
              errors.phoneType?.message ??
              (typeSuggested
                ? 'Suggested from the number'
                : type.field.value === keptType
                  ? UNLISTED_VALUE_HINT
                  : RESERVED_LINE)
            }
            fullWidth
          >
            {PHONE_TYPES.map((phoneType) => (
              <MenuItem key={phoneType} value={phoneType}>
                {phoneTypeLabel(phoneType)}
              </MenuItem>
            ))}
            {keptType === null ? null : <MenuItem value={keptType}>{keptType}</MenuItem>}
          </TextField>
          <TextField
            label="Extension"
            value={extension.field.value}
            onChange={extension.field.onChange}
            onBlur={extension.field.onBlur}
            inputRef={extension.field.ref}
            name={extension.field.name}
            error={errors.extension !== undefined}
            helperText={errors.extension?.message ?? RESERVED_LINE}
            autoComplete="off"
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            fullWidth
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" loading={formState.isSubmitting}>
          Save
        </Button>
      </DialogActions>
    </Box>
  );
}

/**
 * "Add phone number" / "Edit phone number". Nothing typed is lost on a failed save: a 422 is shown on the
 * fields its pointers name, anything else above them. A click outside does not close it; Escape does.
 */
export function PhoneNumberFormDialog({ open, ...form }: PhoneNumberFormDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={(_, reason) => {
        if (reason !== 'backdropClick') form.onClose();
      }}
      fullWidth
      maxWidth="xs"
    >
      <DialogTitle>{form.mode === 'add' ? 'Add phone number' : 'Edit phone number'}</DialogTitle>
      <PhoneNumberForm {...form} />
    </Dialog>
  );
}

export default PhoneNumberFormDialog;
