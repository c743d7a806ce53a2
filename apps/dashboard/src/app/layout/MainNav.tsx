import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { NAV_SECTIONS, navItemsFor } from '../navigation';
import { audienceOf, useViewer } from '../viewer';

/** The screens this user may open, grouped by section. */
export function MainNav() {
  const { t } = useTranslation();
  const items = navItemsFor(audienceOf(useViewer()));
  return (
    <nav className="app-nav" aria-label={t('layout.mainNav')}>
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
                  <NavLink to={item.path} end={item.path === '/'} className="nav-link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
