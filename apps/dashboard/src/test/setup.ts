// Component tests: the app's translations (Indonesian first, as the app starts), and a clean page after each test.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n } from '../shared/i18n';

afterEach(async () => {
  cleanup();
  localStorage.clear();
  if (i18n.language !== 'id') await i18n.changeLanguage('id');
});
