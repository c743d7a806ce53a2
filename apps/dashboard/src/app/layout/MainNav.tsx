import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { NAV_SECTIONS, navItemsFor } from '../navigation';
import { audienceOf, useViewer } from '../viewer';
import './drawer.css';

export const MAIN_NAV_ID = 'main-nav';

interface MainNavProps {
  /** On a phone the navigation is a drawer: open or closed. (On wider screens it is always shown.) */
  open?: boolean;
  onClose?: () => void;
}

/**
 * The screens this user may open, grouped by section: a side column on wide screens, a drawer
 * with the section names and every label on a phone (opened from the header's menu button).
 */
export function MainNav({ open = false, onClose }: MainNavProps) {
  const { t } = useTranslation();
  const items = navItemsFor(audienceOf(useViewer()));
  const closeButton = useRef<HTMLButtonElement>(null);

  // Opened: focus goes into the drawer; Escape closes it.
  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose?.();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <>
      <div className={open ? 'nav-backdrop nav-backdrop-open' : 'nav-backdrop'} aria-hidden="true" onClick={onClose} />
      <nav id={MAIN_NAV_ID} className={open ? 'app-nav app-nav-open' : 'app-nav'} aria-label={t('layout.mainNav')}>
        <div className="nav-drawer-header">
          <span className="nav-drawer-title">{t('mobileMenu.title')}</span>
          <button ref={closeButton} type="button" className="button button-secondary button-small nav-drawer-close" onClick={onClose}>
            {t('mobileMenu.close')}
          </button>
        </div>
        {NAV_SECTIONS.map((section) => {
          const inSection = items.filter((item) => item.section === section);
          if (!inSection.length) return null;
          const labelId = `nav-section-${section}`;
          return (
            <div className="nav-section" key={section}>
              <span className="nav-section-title" id={labelId}>
                {t(`nav.sections.${section}`)}
              </span>
              <ul aria-labelledby={labelId}>
                {inSection.map((item) => (
                  <li key={item.id}>
                    <NavLink to={item.path} end={item.path === '/'} className="nav-link" onClick={onClose}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
    </>
  );
}
