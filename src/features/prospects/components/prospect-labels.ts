const CALLS_OPT_STATUS_LABELS: Record<string, string> = {
  opted_in: 'Opted in',
  opted_out: 'Opted out',
};

/** Whether the prospect agreed to calls, in words; Outreach's null means neither was said. */
export function callsOptStatusLabel(status: string | null): string {
  if (status === null) return 'Neither opted in nor out';
  return CALLS_OPT_STATUS_LABELS[status] ?? status;
}
