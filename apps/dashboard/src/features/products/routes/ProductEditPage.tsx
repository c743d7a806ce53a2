import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState, Loading, Page, QueryError, Section } from '../../../shared/ui';
import { ProductForm } from '../components/ProductForm';
import { ProductQuery } from '../products.graphql';

/** One product's master data, to correct; the NIE stays. */
export function ProductEditPage() {
  const { t } = useTranslation();
  const nie = useParams().nie ?? '';
  const { data, error, refetch } = useQuery(ProductQuery, { variables: { nie } });
  const product = data?.product;
  return (
    <Page title={product ? t('products.edit.title', { name: product.name }) : t('products.edit.titleLoading')}>
      <p>
        <Link to="/products">{t('products.edit.back')}</Link>
      </p>
      <Section title={t('products.edit.section', { nie })} id="product-edit">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : product ? (
          <ProductForm key={product.id} product={product} />
        ) : data ? (
          <EmptyState>{t('products.edit.notFound')}</EmptyState>
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
