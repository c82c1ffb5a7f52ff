import type {
  ApplicationStatusQuery,
  ApplicationStatusView,
  OnlineApplicationReceipt,
  OnlineApplicationRequest,
} from '@gongkai/contracts';
import { useApiClient } from '@gongkai/ui';
import { useMutation } from '@tanstack/react-query';

export function useSubmitApplication() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (body: OnlineApplicationRequest) =>
      client.post<OnlineApplicationReceipt>('/public/applications', body),
  });
}

export function useApplicationStatus() {
  const client = useApiClient();
  return useMutation({
    mutationFn: (body: ApplicationStatusQuery) =>
      client.post<ApplicationStatusView>('/public/applications/status', body),
  });
}

// The receipt survives a reload of its page within the tab, and nothing longer: it names the
// applicant, and a shared computer should not keep it.
const RECEIPT_KEY = 'gongkai.online.receipt';

export function keepReceipt(receipt: OnlineApplicationReceipt): void {
  try {
    window.sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(receipt));
  } catch {
    // Private mode without storage: the receipt still arrives through the router's state.
  }
}

export function keptReceipt(): OnlineApplicationReceipt | null {
  try {
    const raw = window.sessionStorage.getItem(RECEIPT_KEY);
    return raw ? (JSON.parse(raw) as OnlineApplicationReceipt) : null;
  } catch {
    return null;
  }
}
