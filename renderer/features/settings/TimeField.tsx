import { FieldError, Input, TextField } from 'react-aria-components';

type Props = {
  /** The full accessible name ("Monday start"); the visible column header says only "Start". */
  label: string;
  value: string;
  onChange: (value: string) => void;
  isDisabled: boolean;
  error?: string | undefined;
};

/**
 * A time of day (HH:mm, 24-hour) in the working-hours grid, with its error
 * right under it. A text field: type="time" would show the system locale's
 * format (AM/PM) whatever the app's language.
 */
export function TimeField({ label, value, onChange, isDisabled, error }: Props) {
  return (
    <TextField
      className="field"
      aria-label={label}
      inputMode="numeric"
      value={value}
      onChange={onChange}
      isDisabled={isDisabled}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Input placeholder="09:00" maxLength={5} />
      <FieldError className="error">{error}</FieldError>
    </TextField>
  );
}
