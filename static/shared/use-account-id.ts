import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';

/** The current user's accountId (null until the context arrives, or if it never does). */
export function useAccountId(): string | null {
  const [accountId, setAccountId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    view.getContext().then(
      (context) => {
        if (live) setAccountId(context.accountId ?? null);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return accountId;
}
