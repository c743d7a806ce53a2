import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductFieldsFragment } from '../../../gql/graphql';
import { EmptyState, Loading, Page, QueryError, Section, Table, TextField, orDash, type Column } from '../../../shared/ui';
import '../../../shared/work.css';
import { ProductForm } from '../components/ProductForm';
import { ProductImport } from '../components/ProductImport';
import { ProductsQuery } from '../products.graphql';

/** The manufacturer's products: search, register one, or import a file of them. */
export function ProductsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, error, loading, refetch } = useQuery(ProductsQuery, { variables: { search: search.trim() || undefined, first: 200 } });
  const products = data?.products;

  const columns: Column<ProductFieldsFragment>[] = [
    { key: 'name', header: t('products.field.name'), cell: (product) => <Link to={`/products/${encodeURIComponent(product.nie)}`}>{product.name}</Link>, wide: true },
    { key: 'nie', header: t('products.field.nie'), cell: (product) => <code>{product.nie}</code>, nowrap: true },
    { key: 'form', header: t('products.field.form'), cell: (product) => orDash([product.form, product.strength].filter(Boolean).join(' ')) },
    { key: 'packaging', header: t('products.field.packaging'), cell: (product) => orDash(product.packaging), wide: true },
    { key: 'gtin', header: t('products.field.gtin'), cell: (product) => orDash(product.gtin), nowrap: true },
    { key: 'serialised', header: t('products.field.kind'), cell: (product) => t(product.serialised ? 'products.serialised' : 'products.notSerialised') },
  ];

  return (
    <Page title={t('products.title')} intro={t('products.intro')}>
      <div className="filters">
        <TextField label={t('products.search')} hint={t('products.searchHint')} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <Section title={t('products.listTitle')} id="products-list">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : products ? (
          <>
            <p className="result-count" role="status" aria-busy={loading}>
              {t('products.count', { count: products.length })}
            </p>
            {products.length ? <Table caption={t('products.listTitle')} columns={columns} rows={products} rowKey={(product) => product.id} /> : <EmptyState>{t('products.empty')}</EmptyState>}
          </>
        ) : (
          <Loading />
        )}
      </Section>
      <div className="split">
        <Section title={t('products.form.title')} id="products-create">
          <ProductForm onSaved={() => void refetch()} />
        </Section>
        <Section title={t('products.import.title')} id="products-import">
          <ProductImport onDone={() => void refetch()} />
        </Section>
      </div>
    </Page>
  );
}
