import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * A screen: its heading (focused when the screen opens, so screen readers announce it), the
 * window title, and its content.
 */
export function Page({ title, intro, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  return (
    <div className="page">
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {intro ? <p className="page-intro">{intro}</p> : null}
      </header>
      {children}
    </div>
  );
}

interface SectionProps {
  title: string;
  children: ReactNode;
  id?: string;
  actions?: ReactNode;
}

/** A titled panel inside a page. */
export function Section({ title, children, id, actions }: SectionProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
