import type { Config } from './config.js';
import { AuthService } from './modules/auth/auth.service.js';
import { OrganizationService } from './modules/organizations/organization.service.js';
import { ProductService } from './modules/products/product.service.js';

export function createServices(config: Config) {
  return {
    auth: new AuthService(config),
    organizations: new OrganizationService(),
    products: new ProductService(),
  };
}

export type Services = ReturnType<typeof createServices>;
