import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField, type TextFieldProps } from 'react-aria-components';

type Props = Omit<TextFieldProps, 'isInvalid' | 'children'> & {
  label: string;
  description?: string;
  /** A translated message; when set the field is marked invalid and says why. */
  error?: string | undefined;
  multiline?: boolean;
  placeholder?: string;
  inputClassName?: string;
};

/** A labelled text field whose error stands next to it; the typed value is never cleared. */
export function TextField({ label, description, error, multiline, placeholder, className, ...props }: Props) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(error)} validationBehavior="aria" className={['field', className].filter(Boolean).join(' ')}>
      <Label>{label}</Label>
      {multiline ? <TextArea placeholder={placeholder} /> : <Input placeholder={placeholder} />}
      {description && <Text slot="description" className="description">{description}</Text>}
      <FieldError className="error">{error}</FieldError>
    </AriaTextField>
  );
}
