import { ChevronDown } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { supportedTimeZones } from '@shared/calendar/business-calendar';

type Zone = { id: string; name: string };
type Props = {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  description?: string;
  error?: string | undefined;
};

// "America/New_York" reads and filters as "America/New York".
const displayName = (zone: string) => zone.replaceAll('_', ' ');

/** An IANA time-zone picker: type to filter ("warsaw", "new york"), or open the list. */
export function TimeZonePicker({ label, value, onChange, description, error }: Props) {
  const { t } = useTranslation();
  const zones = useMemo<Zone[]>(() => supportedTimeZones().map((id) => ({ id, name: displayName(id) })), []);
  return (
    <ComboBox
      className="field"
      defaultItems={zones}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      menuTrigger="input"
      allowsEmptyCollection
    >
      <Label>{label}</Label>
      <div className="combo">
        <Input />
        <Button className="button" aria-label={t('timeZone.show', { label })}>
          <ChevronDown aria-hidden />
        </Button>
      </div>
      {description && <Text slot="description" className="description">{description}</Text>}
      <FieldError className="error">{error}</FieldError>
      <Popover>
        <ListBox renderEmptyState={() => <div className="listbox-empty">{t('timeZone.empty')}</div>}>
          {(zone: Zone) => <ListBoxItem id={zone.id} textValue={zone.name}>{zone.name}</ListBoxItem>}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
