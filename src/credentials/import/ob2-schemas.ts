import { z } from "zod";

// Open Badges 2.0 documents as read from outside (loose: unknown properties are kept, never trusted).
// https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html

const stringOrList = z.union([z.string(), z.array(z.string())]);
// OB 2.0 dates are ISO 8601; older issuers wrote Unix timestamps (seconds), as numbers or digit strings.
const dateTime = z.union([z.string(), z.number()]);
const idOrObject = z.union([z.string().min(1), z.looseObject({ id: z.string().optional() })]);

export const ob2RecipientSchema = z.looseObject({
  type: z.string().optional(),
  identity: z.string().min(1),
  hashed: z.boolean().optional(),
  salt: z.string().optional(),
});

export const ob2AssertionSchema = z.looseObject({
  id: z.string().min(1),
  type: stringOrList.optional(),
  badge: idOrObject,
  recipient: ob2RecipientSchema.optional(),
  verification: z.looseObject({ type: z.string().optional(), creator: z.string().optional() }).optional(),
  issuedOn: dateTime.optional(),
  expires: dateTime.optional(),
  image: idOrObject.optional(),
  revoked: z.boolean().optional(),
  revocationReason: z.string().optional(),
});

export const ob2BadgeClassSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  image: idOrObject.optional(),
  issuer: idOrObject,
});

export const ob2ProfileSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  publicKey: z.union([idOrObject, z.array(idOrObject)]).optional(),
  revocationList: z.string().optional(),
  verification: z
    .looseObject({ allowedOrigins: stringOrList.optional(), startsWith: stringOrList.optional() })
    .optional(),
});

export const ob2KeySchema = z.looseObject({
  id: z.string().optional(),
  owner: z.string().min(1),
  publicKeyPem: z.string().min(1),
});

export const ob2RevocationListSchema = z.looseObject({
  revokedAssertions: z
    .array(
      z.union([
        z.string(),
        z.looseObject({
          id: z.string().optional(),
          uid: z.string().optional(),
          revocationReason: z.string().optional(),
        }),
      ]),
    )
    .optional(),
});

export type Ob2Assertion = z.infer<typeof ob2AssertionSchema>;
export type Ob2BadgeClass = z.infer<typeof ob2BadgeClassSchema>;
export type Ob2Profile = z.infer<typeof ob2ProfileSchema>;
export type Ob2Key = z.infer<typeof ob2KeySchema>;
export type Ob2RevocationList = z.infer<typeof ob2RevocationListSchema>;

/** An OB 2.0 date as an ISO 8601 string (timestamps converted); undefined when it is not a date. */
export function isoDate(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && !/^\d+$/.test(value.trim()))
    return Number.isNaN(Date.parse(value)) ? undefined : value;
  const date = new Date(Number(value) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** One sentence listing what did not fit the schema, e.g. "badge: Invalid input; issuedOn: expected string". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "document"}: ${issue.message}`)
    .join("; ");
}
