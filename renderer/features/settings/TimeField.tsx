import { FieldError, Input, TextField } from 'react-aria-components';

type Props = {
  /** The full accessible name ("Monday start"); the visible column header says only "Start". */
  label: string;
  value: string;
  onChange: (value: string) => void;
  isDisabled: boolean;
  error?: string | undefined;
};

/** A time of day (HH:mm) in the working-hours grid, with its error right under it. */
export function TimeField({ label, value, onChange, isDisabled, error }: Props) {
  return (
    <TextField
      className="field"
      aria-label={label}
      type="time"
      value={value}
      onChange={onChange}
      isDisabled={isDisabled}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Input />
      <FieldError className="error">{error}</FieldError>
    </TextField>
  );
}
