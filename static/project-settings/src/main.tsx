import { mountApp } from '../../shared/mount';
import { App } from './app';

void mountApp(<App />);
