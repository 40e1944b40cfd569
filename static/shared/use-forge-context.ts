import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';

export interface ForgeContextInfo {
  accountId: string | null;
  locale: string | undefined;
}

/** The few context fields the screens use; missing context is not an error. */
export function useForgeContext(): ForgeContextInfo {
  const [info, setInfo] = useState<ForgeContextInfo>({ accountId: null, locale: undefined });
  useEffect(() => {
    let live = true;
    view.getContext().then(
      (context) => {
        if (live) setInfo({ accountId: context.accountId ?? null, locale: typeof context.locale === 'string' ? context.locale.replace('_', '-') : undefined });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
