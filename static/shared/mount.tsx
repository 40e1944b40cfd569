import '@atlaskit/css-reset';
import './base.css';
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { setDateLocale } from './format';
import { initHost } from './theme';

/** Applies the host theme and the user's date locale, then renders the app into #root. */
export async function mountApp(app: ReactElement): Promise<void> {
  const { locale } = await initHost();
  setDateLocale(locale);
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
