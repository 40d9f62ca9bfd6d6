import { ChevronDown } from 'lucide-react';
import { Button, Label, ListBox, ListBoxItem, Popover, Select as AriaSelect, SelectValue, FieldError } from 'react-aria-components';

type Option = { id: string; label: string };
type Props = {
  label: string;
  options: readonly Option[];
  value: string | null;
  onChange: (value: string) => void;
  error?: string | undefined;
  className?: string;
  placeholder?: string;
};

/** A labelled single choice from a short list. */
export function Select({ label, options, value, onChange, error, className, placeholder }: Props) {
  return (
    <AriaSelect
      className={['field', className].filter(Boolean).join(' ')}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      placeholder={placeholder}
    >
      <Label>{label}</Label>
      <Button className="button select-button">
        <SelectValue />
        <ChevronDown aria-hidden />
      </Button>
      <FieldError className="error">{error}</FieldError>
      <Popover>
        <ListBox items={options}>{(o) => <ListBoxItem id={o.id}>{o.label}</ListBoxItem>}</ListBox>
      </Popover>
    </AriaSelect>
  );
}
