import type { Catalogue } from '../catalogue';
import type { email as en } from '../en/email';

export const email: Catalogue<typeof en> = {
  import: 'Importuj e-mail',
  chooseTitle: 'Importuj e-mail (.eml)',
  title: 'Import e-maila',
  loading: 'Wczytywanie…',
  from: 'Od',
  sent: 'Wysłano',
  subject: 'Temat',
  to: 'Do',
  attachments: 'Załączniki',
  unknown: 'Nieznane',
  noSubject: '(bez tematu)',
  text: 'Treść e-maila',
  noText: 'E-mail nie ma treści.',
  action: { label: 'Importuj jako', newCase: 'Nowa sprawa', addToCase: 'Dodaj do sprawy' },
  newCase: {
    account: 'Konto', chooseAccount: 'Wybierz konto',
    guessed: 'Dopasowane po adresie nadawcy.', noGuess: 'Żadne konto nie pasuje do nadawcy: wybierz je.',
    caseTitle: 'Tytuł', priority: 'Priorytet',
    escalated: 'Eskalowana do mnie', escalationReason: 'Powód eskalacji',
    submit: 'Otwórz sprawę',
  },
  addToCase: {
    case: 'Sprawa', chooseCase: 'Wybierz otwartą sprawę', none: 'Nie ma otwartej sprawy, do której można dodać ten e-mail.',
    kind: 'Dodaj jako', submit: 'Dodaj do sprawy',
  },
  kind: { email: 'E-mail', 'customer-information': 'Informacje od klienta' },
  required: 'Wymagane', accountRequired: 'Wybierz konto, do którego należy sprawa', caseRequired: 'Wybierz sprawę, do której należy ten e-mail',
  cancel: 'Anuluj',
  close: 'Zamknij',
  opened: 'Otwarto sprawę z e-maila',
  added: 'Dodano e-mail do sprawy',
  failed: 'Nie zaimportowano e-maila: {{reason}}',
  refused: {
    title: 'Nie zaimportowano tego pliku',
    help: 'Wybierz e-mail zapisany jako plik .eml: większość programów pocztowych tak zapisuje wiadomość (Zapisz jako albo przeciągnij ją z listy wiadomości).',
  },
  error: {
    email: {
      empty: 'Plik jest pusty.',
      tooLarge: 'Plik jest większy niż 25 MB.',
      notEmail: 'Ten plik nie jest e-mailem: nie ma nagłówków wiadomości (From, Date, Subject).',
    },
  },
};
