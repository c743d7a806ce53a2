import { graphql } from '../../gql';

export const ProductFields = graphql(`
  fragment ProductFields on Product {
    id
    nie
    name
    brand
    form
    strength
    packaging
    producer
    gtin
    serialised
  }
`);

export const ProductsQuery = graphql(`
  query Products($search: String, $first: Int) {
    products(search: $search, first: $first) {
      ...ProductFields
    }
  }
`);

export const ProductQuery = graphql(`
  query Product($nie: String!) {
    product(nie: $nie) {
      ...ProductFields
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: ProductInput!) {
    createProduct(input: $input) {
      ...ProductFields
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($nie: String!, $input: ProductUpdateInput!) {
    updateProduct(nie: $nie, input: $input) {
      ...ProductFields
    }
  }
`);
