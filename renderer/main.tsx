import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchAll } from './app/features';
import { loadCommandPalette } from './app/Layout';
import { applyStartAppearance } from './app/use-appearance';
import './ui/app.css';

applyStartAppearance();
// Ask that this origin's storage be kept under disk pressure: it may hold
// days of offline work not yet synced. A refusal changes nothing else.
void navigator.storage?.persist?.().catch(() => false);
// Half a second in, once the first screen has its data, fetch the other
// screens and the shell's parts; <html data-screens-ready> tells tests (and
// the curious) when that is done.
const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 0));
setTimeout(() => idle(() => void Promise.all([prefetchAll(), loadCommandPalette()]).then(() => (document.documentElement.dataset.screensReady = 'true'), () => undefined)), 500);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
