import { useEffect } from 'react';
import { isEmailFile } from './email-import';
import { useEmailImport } from './email-import-store';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** A drop zone of its own (a file input) takes its files. */
const ownDropZone = (target: EventTarget | null) => target instanceof HTMLInputElement && target.type === 'file';

/** Whether a dragged file may be an email: its name is unknown until the drop, its type is message/rfc822 or unknown. */
const mayBeEmail = (e: DragEvent) =>
  [...(e.dataTransfer?.items ?? [])].some((item) => item.kind === 'file' && (item.type === '' || item.type.toLowerCase() === 'message/rfc822'));

/**
 * An email file (.eml) dropped anywhere on the window opens the import
 * dialog. Only file drags that nothing else handled (a drop zone calls
 * preventDefault first) are taken; other files are ignored, and the window
 * never navigates to a dropped file.
 */
export function useEmailDrop(): void {
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (!carriesFiles(e) || e.defaultPrevented || ownDropZone(e.target)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = mayBeEmail(e) ? 'copy' : 'none';
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e) || e.defaultPrevented || ownDropZone(e.target)) return;
      e.preventDefault();
      const file = [...(e.dataTransfer?.files ?? [])].find(isEmailFile);
      if (!file) return;
      void file.arrayBuffer().then((content) => useEmailImport.getState().open(file.name, content));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
