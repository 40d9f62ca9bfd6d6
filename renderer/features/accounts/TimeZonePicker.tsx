import { ChevronDown } from 'lucide-react';
import { useMemo } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { supportedTimeZones } from '@shared/calendar/business-calendar';

type Props = { label: string; value: string; onChange: (zone: string) => void; error?: string | undefined; description?: string };

/** An IANA time-zone picker: type to filter ("warsaw", "new_york"), or open the list. */
export function TimeZonePicker({ label, value, onChange, error, description }: Props) {
  const zones = useMemo(() => supportedTimeZones().map((id) => ({ id, name: id })), []);
  return (
    <ComboBox
      className="field"
      defaultItems={zones}
      selectedKey={value || null}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      onInputChange={(text) => {
        // Typing an exact zone name is as good as picking it.
        if (zones.some((z) => z.id === text)) onChange(text);
      }}
      defaultInputValue={value}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      menuTrigger="focus"
    >
      <Label>{label}</Label>
      <div className="combo">
        <Input />
        <Button className="button" aria-label={label}>
          <ChevronDown aria-hidden />
        </Button>
      </div>
      {description && <Text slot="description" className="description">{description}</Text>}
      <FieldError className="error">{error}</FieldError>
      <Popover>
        <ListBox>{(z: { id: string; name: string }) => <ListBoxItem id={z.id}>{z.name}</ListBoxItem>}</ListBox>
      </Popover>
    </ComboBox>
  );
}
