import type { ReactNode } from 'react';

interface AlertProps {
  tone: 'error' | 'success' | 'info' | 'warning';
  children: ReactNode;
  title?: string;
}

/** A message box: errors interrupt screen readers, the rest are announced politely. */
export function Alert({ tone, children, title }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
