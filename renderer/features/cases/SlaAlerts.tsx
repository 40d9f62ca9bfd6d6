import { useSlaAlerts } from './use-sla-alerts';

/** Mounted once by the shell (loaded after the first screen): rings the SLA alerts. */
export function SlaAlerts() {
  useSlaAlerts();
  return null;
}
