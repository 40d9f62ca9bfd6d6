import { create } from 'zustand';

/** Short confirmations ("Account saved"), announced politely to screen readers. */
type Toast = { id: number; text: string };
type ToastState = { toasts: Toast[]; show: (text: string) => void };

let next = 1;
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  show: (text) => {
    const id = next++;
    set((s) => ({ toasts: [...s.toasts, { id, text }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), 4000);
  },
}));
export const showToast = (text: string) => useToasts.getState().show(text);
