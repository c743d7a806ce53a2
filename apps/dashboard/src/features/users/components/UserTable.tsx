import { useTranslation } from 'react-i18next';
import type { UsersQuery } from '../../../gql/graphql';
import { Table, type Column } from '../../../shared/ui';

type UserRow = UsersQuery['users'][number];

export function UserTable({ users, viewerId }: { users: readonly UserRow[]; viewerId: string }) {
  const { t } = useTranslation();
  const columns: Column<UserRow>[] = [
    {
      key: 'name',
      header: t('users.name'),
      cell: (user) => (
        <>
          <strong>{user.name}</strong>
          {user.id === viewerId ? <span className="badge badge-muted">{t('users.you')}</span> : null}
        </>
      ),
    },
    { key: 'email', header: t('users.email'), cell: (user) => user.email },
    { key: 'role', header: t('users.role'), cell: (user) => t(`role.${user.role}`) },
  ];
  return <Table caption={t('users.caption')} columns={columns} rows={users} rowKey={(user) => user.id} />;
}
