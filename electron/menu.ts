import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/host';
import type { MenuItemSpec } from './policy/menu';

/** Builds the native menu from its description; command items call `onCommand`. */
export function createApplicationMenu(spec: readonly MenuItemSpec[], onCommand: (command: MenuCommand) => void): Menu {
  const toOptions = (item: MenuItemSpec): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: item.role, label: item.label };
      case 'command':
        return { label: item.label, accelerator: item.accelerator, click: () => onCommand(item.command) };
      case 'submenu':
        return { label: item.label, role: item.role, submenu: item.items.map(toOptions) };
    }
  };
  return Menu.buildFromTemplate(spec.map(toOptions));
}
