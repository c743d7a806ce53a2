export { Alert } from './Alert';
export { SelectField, TextAreaField, TextField } from './Field';
export { LanguageSwitch } from './LanguageSwitch';
export { Page, Section } from './Page';
export { EmptyState, Loading, QueryError } from './Status';
export { DateAndTime, Table, orDash, type Column } from './Table';
export { formatBytes, formatDate, formatDateTime } from './format';
export { Pager, useCursorPages } from './Pager';
