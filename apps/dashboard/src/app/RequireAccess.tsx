import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../shared/ui';
import { canSee, navItem } from './navigation';
import { audienceOf, useViewer } from './viewer';

/** A screen opened by its address is shown only to those its navigation entry is for. */
export function RequireAccess({ item, children }: { item: string; children: ReactNode }) {
  const viewer = useViewer();
  const { t } = useTranslation();
  if (canSee(navItem(item), audienceOf(viewer))) return children;
  return (
    <Page title={t('forbidden.title')}>
      <p>{t('forbidden.body')}</p>
    </Page>
  );
}
