import type { Catalogue } from '../catalogue';
import type { palette as en } from '../en/palette';

export const palette: Catalogue<typeof en> = {
  title: 'Paleta poleceń',
  label: 'Paleta poleceń',
  placeholder: 'Przejdź do konta lub polecenia…',
  results: 'Wyniki',
  empty: 'Nic nie pasuje. Spróbuj nazwy konta, domeny, ID organizacji lub adresu IP.',
  loading: 'Wczytywanie kont…',
  more: 'Pokazano {{shown}} z {{total}} kont: pisz dalej, aby zawęzić.',
  group: { actions: 'Polecenia', accounts: 'Konta' },
  action: {
    newAccount: 'Nowe konto',
    goAccounts: 'Przejdź do kont',
    goCases: 'Przejdź do spraw',
    goSettings: 'Przejdź do ustawień',
    shortcuts: 'Skróty klawiszowe',
    loadDemo: 'Wczytaj dane demonstracyjne',
    exportBackup: 'Eksportuj kopię zapasową',
    importBackup: 'Importuj kopię zapasową',
    switchLanguage: 'Zmień język na: {{language}}',
    theme: { system: 'Motyw: systemowy', light: 'Motyw: jasny', dark: 'Motyw: ciemny' },
  },
  keywords: {
    newAccount: 'utwórz dodaj klient',
    goAccounts: 'lista klienci',
    goCases: 'sprawy wsparcia eskalacje sla zgłoszenia',
    goSettings: 'preferencje opcje godziny pracy strefa czasowa',
    shortcuts: 'pomoc klawisze',
    loadDemo: 'przykładowe demo',
    exportBackup: 'zapisz pobierz json',
    importBackup: 'przywróć otwórz json',
    switchLanguage: 'język angielski polski english',
    theme: 'wygląd kolor tryb',
  },
};
