import { Search } from 'lucide-react';
import type { KeyboardEvent } from 'react';

type Props = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** Keys besides Escape, which clears the field. */
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
};

/** A list's search-as-you-type box; "/" focuses it (data-search), Escape clears it. */
export function SearchField({ label, placeholder, value, onChange, onKeyDown }: Props) {
  return (
    <label className="search-field">
      <Search aria-hidden />
      <input
        className="input"
        type="search"
        data-search
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onChange('');
          onKeyDown?.(e);
        }}
      />
    </label>
  );
}
