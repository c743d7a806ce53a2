import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrganizationType, Role } from '../../shared/auth.js';
import { logger } from '../../shared/logger.js';
import { User } from '../auth/auth.entity.js';
import { hashPassword } from '../auth/tokens.js';
import { Facility, Organization } from '../organizations/organization.entity.js';
import { Product } from '../products/product.entity.js';

export const DEMO_PASSWORD = 'demo12345';

interface DemoOrganization {
  name: string;
  type: OrganizationType;
  gs1CompanyPrefix?: string;
  facilities: Array<Pick<Facility, 'name' | 'address' | 'province' | 'regency' | 'latitude' | 'longitude' | 'licenceNumber'>>;
  users: Array<{ email: string; name: string; role: Role }>;
}

const ORGANIZATIONS: DemoOrganization[] = [
  {
    name: 'Badan Pengawas Obat dan Makanan',
    type: 'REGULATOR',
    facilities: [
      { name: 'BPOM Pusat', address: 'Jl. Percetakan Negara No. 23', province: 'DKI Jakarta', regency: 'Kota Jakarta Pusat', latitude: -6.1805, longitude: 106.866, licenceNumber: null },
    ],
    users: [
      { email: 'bpom@demo.test', name: 'Siti Rahmawati', role: 'SUPERVISOR' },
      { email: 'admin@demo.test', name: 'Admin BPOM', role: 'ADMIN' },
      { email: 'inspektur@demo.test', name: 'Bambang Suryadi', role: 'INSPECTOR' },
    ],
  },
  {
    name: 'PT Sehat Farma Indonesia',
    type: 'MANUFACTURER',
    gs1CompanyPrefix: '8997001',
    facilities: [
      { name: 'Pabrik Sehat Farma Bandung', address: 'Jl. Soekarno-Hatta No. 480', province: 'Jawa Barat', regency: 'Kota Bandung', latitude: -6.9419, longitude: 107.6293, licenceNumber: 'CPOB-1234/2024' },
    ],
    users: [{ email: 'industri@demo.test', name: 'Dewi Lestari', role: 'ADMIN' }],
  },
  {
    name: 'PT Nusantara Distribusi Farma',
    type: 'DISTRIBUTOR',
    facilities: [
      { name: 'Gudang PBF Nusantara Jakarta Timur', address: 'Jl. Raya Bekasi Km 21', province: 'DKI Jakarta', regency: 'Kota Jakarta Timur', latitude: -6.1956, longitude: 106.9406, licenceNumber: 'PBF-3172/2023' },
    ],
    users: [{ email: 'pbf@demo.test', name: 'Agus Pratama', role: 'ADMIN' }],
  },
  {
    name: 'PT Sumatera Medika Distribusi',
    type: 'DISTRIBUTOR',
    facilities: [
      { name: 'Gudang PBF Sumatera Medika Medan', address: 'Jl. Sisingamangaraja No. 88', province: 'Sumatera Utara', regency: 'Kota Medan', latitude: 3.5641, longitude: 98.6943, licenceNumber: 'PBF-1275/2022' },
    ],
    users: [],
  },
  {
    name: 'Apotek Sehat Sentosa',
    type: 'PHARMACY',
    facilities: [
      { name: 'Apotek Sehat Sentosa Surabaya', address: 'Jl. Darmo No. 17', province: 'Jawa Timur', regency: 'Kota Surabaya', latitude: -7.2875, longitude: 112.7383, licenceNumber: 'SIA-3578/0042' },
    ],
    users: [{ email: 'apotek@demo.test', name: 'Rina Wulandari', role: 'ADMIN' }],
  },
  {
    name: 'Apotek Kimia Sejahtera',
    type: 'PHARMACY',
    facilities: [
      { name: 'Apotek Kimia Sejahtera Makassar', address: 'Jl. Ahmad Yani No. 5', province: 'Sulawesi Selatan', regency: 'Kota Makassar', latitude: -5.1345, longitude: 119.4125, licenceNumber: 'SIA-7371/0108' },
    ],
    users: [],
  },
  {
    name: 'Apotek Husada Bali',
    type: 'PHARMACY',
    facilities: [
      { name: 'Apotek Husada Denpasar', address: 'Jl. Teuku Umar No. 101', province: 'Bali', regency: 'Kota Denpasar', latitude: -8.6767, longitude: 115.2057, licenceNumber: 'SIA-5171/0230' },
    ],
    users: [],
  },
];

const PRODUCTS: Array<Pick<Product, 'nie' | 'name' | 'brand' | 'form' | 'strength' | 'packaging' | 'gtin' | 'serialised'>> = [
  { nie: 'DKL2104012310A1', name: 'Amoksisilin Trihidrat', brand: 'Amoksina', form: 'Kapsul', strength: '500 mg', packaging: 'Dus, 10 strip @ 10 kapsul', gtin: '08997001000011', serialised: true },
  { nie: 'DKL1833509917A1', name: 'Metformin HCl', brand: 'Glumefa', form: 'Tablet salut selaput', strength: '500 mg', packaging: 'Dus, 10 blister @ 10 tablet', gtin: null, serialised: true },
  { nie: 'DKL2011223344B1', name: 'Amlodipin Besilat', brand: 'Amlovas', form: 'Tablet', strength: '10 mg', packaging: 'Dus, 3 blister @ 10 tablet', gtin: '08997001000035', serialised: true },
  { nie: 'DBL0204127763A1', name: 'Parasetamol', brand: 'Demafen', form: 'Tablet', strength: '500 mg', packaging: 'Dus, 25 strip @ 4 tablet', gtin: null, serialised: false },
];

/**
 * On an empty database: the demo organisations, facilities, accounts and products.
 * Returns the accounts created ("email (what it is)"), or nothing if data was already there.
 */
export async function seedDemo(em: EntityManager): Promise<string[]> {
  if ((await em.count(Organization, {})) > 0) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: string[] = [];
  await em.transactional(async (tx) => {
    for (const spec of ORGANIZATIONS) {
      const organization = tx.create(Organization, {
        name: spec.name,
        type: spec.type,
        gs1CompanyPrefix: spec.gs1CompanyPrefix ?? null,
        createdAt: new Date(),
      });
      for (const facility of spec.facilities) {
        tx.create(Facility, { ...facility, organization, type: spec.type, gln: null, createdAt: new Date() });
      }
      for (const user of spec.users) {
        tx.create(User, { ...user, organization, passwordHash, active: true, createdAt: new Date() });
        accounts.push(`${user.email}  ${user.role.toLowerCase()}, ${spec.name}`);
      }
      if (spec.type === 'MANUFACTURER') {
        for (const product of PRODUCTS) {
          tx.create(Product, { ...product, producer: spec.name, registrant: organization, createdAt: new Date() });
        }
      }
    }
  });
  logger.info({ accounts: accounts.length }, 'demo data loaded');
  return accounts;
}
