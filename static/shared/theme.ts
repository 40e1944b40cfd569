import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';

type ColorMode = 'light' | 'dark' | 'auto';

function colorModeOf(value: unknown): ColorMode {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/** Rejects after `ms` so a host that never answers cannot keep the app blank. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** `en_US` (Jira's spelling) → `en-US`; undefined for anything else. */
function localeOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.replace('_', '-') : undefined;
}

/**
 * Follows the host's light or dark theme: Forge's own theming first (Jira pushes
 * theme changes), then the Atlaskit tokens for the colour mode the context reports.
 * Returns the user's locale from the same context, for dates.
 * Never throws: a page in the wrong theme is better than a blank one.
 */
export async function initHost(): Promise<{ locale: string | undefined }> {
  try {
    await within(view.theme.enable(), 1500);
  } catch {
    // Older hosts and the local sandbox may not support theming; tokens below still apply.
  }
  let colorMode: ColorMode = 'auto';
  let locale: string | undefined;
  try {
    const context = await within(view.getContext(), 1500);
    colorMode = colorModeOf(context.theme?.colorMode);
    locale = localeOf(context.locale);
  } catch {
    // Without a context, follow the browser's preference.
  }
  try {
    await setGlobalTheme({ colorMode });
  } catch {
    // Token CSS failed to load; components fall back to their built-in defaults.
  }
  return { locale };
}
