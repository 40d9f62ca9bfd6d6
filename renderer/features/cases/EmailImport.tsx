import { lazy, Suspense, useState } from 'react';
import { useEmailImport } from './email-import-store';
import { useEmailDrop } from './use-email-drop';

// Loaded the first time an email is imported, keeping it out of the start-up bundle.
const EmailImportDialog = lazy(() => import('./EmailImportDialog').then((m) => ({ default: m.EmailImportDialog })));

/** Email import in the app shell: an .eml dropped anywhere on the window, and the import dialog. */
export function EmailImport() {
  useEmailDrop();
  const open = useEmailImport((s) => s.state.phase !== 'closed');
  const [used, setUsed] = useState(false);
  if (open && !used) setUsed(true);
  return used ? (
    <Suspense fallback={null}>
      <EmailImportDialog />
    </Suspense>
  ) : null;
}
