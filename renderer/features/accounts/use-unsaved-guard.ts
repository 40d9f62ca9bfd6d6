import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

/**
 * Keeps typed changes from being lost by accident: leaving the screen with
 * unsaved changes asks first (the returned blocker drives the dialog), and
 * closing or reloading the window asks the browser's own question.
 */
export function useUnsavedGuard(dirty: boolean) {
  // A ref, not the render's value: right after Save the screen navigates
  // before it renders again, and that navigation must not be blocked.
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirtyNow.current && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return {
    blocker,
    /** Saving or cancelling: the navigation that follows must not ask. */
    allowLeaving: () => (leaving.current = true),
    /** The save failed: the changes are still unsaved. */
    keepGuarding: () => (leaving.current = false),
  };
}
