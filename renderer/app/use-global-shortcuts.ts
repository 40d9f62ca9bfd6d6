import { useEffect, useRef } from 'react';
import { isTyping, type ShortcutId } from './shortcuts';

/**
 * Listens for the global shortcuts. "G then A" style sequences allow a
 * second key within a second of the first.
 */
export function useGlobalShortcuts(run: (id: ShortcutId) => void) {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.metaKey || e.ctrlKey;
      if (mod && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        runRef.current('palette');
        return;
      }
      if (mod || e.altKey || isTyping(e.target) || e.defaultPrevented) return;
      const key = e.key.toLowerCase();
      if (pendingG && Date.now() - pendingG < 1000) {
        pendingG = 0;
        if (key === 'a') return runRef.current('goAccounts');
        if (key === 'c') return runRef.current('goCases');
        if (key === 's') return runRef.current('goSettings');
      }
      if (key === 'g') {
        pendingG = Date.now();
        return;
      }
      if (e.key === '?') return runRef.current('help');
      if (key === 'n') return runRef.current('newAccount');
      if (key === 'e') return runRef.current('editAccount');
      if (e.key === '/') {
        e.preventDefault();
        runRef.current('search');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
