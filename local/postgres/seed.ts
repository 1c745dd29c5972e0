/**
 * The demo shop databases of the two e-shops (Bajtel, Gautora): customers, orders, newsletter
 * subscriptions and loyalty points, the tables `shared/tenants/fulfilment/shop-database.ts`
 * declares statements for. Deterministic, so tests can name the customers.
 */
export interface DemoCustomer {
  readonly id: number;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phone: string;
  readonly address: string;
  readonly personalCode: string;
}

export const SHOP_SCHEMA = `
CREATE TABLE IF NOT EXISTS customers (
  id integer PRIMARY KEY,
  email text,
  first_name text NOT NULL,
  last_name text NOT NULL,
  phone text,
  address text,
  personal_code text,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
  order_no text PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers(id),
  placed_at timestamptz NOT NULL,
  total_eur numeric(10,2) NOT NULL,
  delivery_name text,
  delivery_address text,
  delivery_phone text,
  status text NOT NULL
);
CREATE TABLE IF NOT EXISTS newsletter_subscriptions (
  customer_id integer PRIMARY KEY REFERENCES customers(id),
  email text NOT NULL,
  subscribed_at timestamptz NOT NULL,
  source text NOT NULL
);
CREATE TABLE IF NOT EXISTS loyalty_points (
  id serial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers(id),
  points integer NOT NULL,
  reason text NOT NULL,
  earned_at timestamptz NOT NULL
);
`;

const PEOPLE: Record<string, ReadonlyArray<Omit<DemoCustomer, 'id'>>> = {
  bajtel_shop: [
    { email: 'ona.petraitiene@example.lt', firstName: 'Ona', lastName: 'Petraitienė', phone: '+37060000001', address: 'Gedimino pr. 1, Vilnius', personalCode: '48501011234' },
    { email: 'jonas.jonaitis@example.lt', firstName: 'Jonas', lastName: 'Jonaitis', phone: '+37060000002', address: 'Laisvės al. 10, Kaunas', personalCode: '38702021234' },
    { email: 'ruta.kazlauskiene@example.lt', firstName: 'Rūta', lastName: 'Kazlauskienė', phone: '+37060000003', address: 'Tilžės g. 5, Klaipėda', personalCode: '49003031234' },
    // Same name as the first customer, another person: a search by a claimed name would find both.
    { email: 'ona.p@example.com', firstName: 'Ona', lastName: 'Petraitienė', phone: '+37060000004', address: 'Vilniaus g. 7, Šiauliai', personalCode: '48804041234' },
  ],
  gautora_shop: [
    { email: 'tomas.tomaitis@example.lt', firstName: 'Tomas', lastName: 'Tomaitis', phone: '+37061000001', address: 'Savanorių pr. 3, Vilnius', personalCode: '38101011234' },
    { email: 'egle.eglaite@example.lt', firstName: 'Eglė', lastName: 'Eglaitė', phone: '+37061000002', address: 'Taikos pr. 8, Klaipėda', personalCode: '49505051234' },
  ],
};

export const SHOP_DATABASES = Object.keys(PEOPLE);

/** The role the connectors log in as: it may read, delete and mask exactly what the statements do. */
export const CONNECTOR_ROLE = 'rightsdesk_connector';

export const CONNECTOR_GRANTS = `
GRANT SELECT ON customers, orders, newsletter_subscriptions, loyalty_points TO ${CONNECTOR_ROLE};
GRANT DELETE ON newsletter_subscriptions, loyalty_points TO ${CONNECTOR_ROLE};
GRANT UPDATE (delivery_name, delivery_address, delivery_phone) ON orders TO ${CONNECTOR_ROLE};
GRANT UPDATE (email, first_name, last_name, phone, address, personal_code) ON customers TO ${CONNECTOR_ROLE};
`;

export function demoCustomers(database: string): DemoCustomer[] {
  return (PEOPLE[database] ?? []).map((p, i) => ({ ...p, id: 1001 + i }));
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Inserts the demo rows once (ON CONFLICT DO NOTHING: a restart keeps what the demo changed). */
export function seedSql(database: string): string {
  const rows: string[] = [];
  for (const c of demoCustomers(database)) {
    rows.push(`INSERT INTO customers VALUES (${c.id}, ${lit(c.email)}, ${lit(c.firstName)}, ${lit(c.lastName)}, ${lit(c.phone)}, ${lit(c.address)}, ${lit(c.personalCode)}, '2024-0${(c.id % 9) + 1}-15T10:00:00Z') ON CONFLICT DO NOTHING;`);
    for (let n = 1; n <= 2; n++) {
      rows.push(
        `INSERT INTO orders VALUES (${lit(`${database.slice(0, 3).toUpperCase()}-${c.id}-${n}`)}, ${c.id}, '2025-0${n + 2}-1${n}T12:00:00Z', ${(c.id % 7) * 10 + n * 19.99}, ${lit(`${c.firstName} ${c.lastName}`)}, ${lit(c.address)}, ${lit(c.phone)}, 'delivered') ON CONFLICT DO NOTHING;`,
      );
    }
    if (c.id % 2 === 1) rows.push(`INSERT INTO newsletter_subscriptions VALUES (${c.id}, ${lit(c.email)}, '2024-11-01T09:00:00Z', 'checkout') ON CONFLICT DO NOTHING;`);
    rows.push(`INSERT INTO loyalty_points (id, customer_id, points, reason, earned_at) VALUES (${c.id}, ${c.id}, ${c.id % 50 + 10}, 'purchase', '2025-03-12T12:00:00Z') ON CONFLICT DO NOTHING;`);
  }
  return rows.join('\n');
}
