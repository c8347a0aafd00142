// The database schema, one file per area; drizzle-kit and the repositories read it from here.
export * from "./schema/accounts.ts";
export * from "./schema/catalog.ts";
export * from "./schema/credentials.ts";
export * from "./schema/earning.ts";
export * from "./schema/employers.ts";
export * from "./schema/goals.ts";
export * from "./schema/issuing.ts";
export * from "./schema/organizations.ts";
export * from "./schema/trust.ts";
export * from "./schema/wallet.ts";
