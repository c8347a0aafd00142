import type { WalletDisplay } from "./types.ts";

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
/** A JSON object, or undefined for anything else (arrays, strings, null). */
export const record = (value: unknown): Json | undefined => (isJson(value) ? value : undefined);
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value : undefined;
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const idOf = (value: unknown): string | undefined => text(value) ?? text(record(value)?.id);

/** An alignment to a skill: a stacked credential's alignments to its component credentials are not skills. */
const isSkill = (alignment: unknown) => record(alignment)?.targetType !== "ceterms:Credential";

/** The first subject of an OB 3.0 credential (a credential may name several; wallets show the first). */
export const subjectOf = (credential: Json): Json | undefined =>
  record(list(credential.credentialSubject)[0]);

/** What a wallet shows of an OB 3.0 credential, read defensively: any field may be missing or malformed. */
export function credentialDisplay(credential: Json): WalletDisplay {
  const subject = subjectOf(credential);
  const achievement = record(subject?.achievement);
  const issuer = record(credential.issuer);
  const skills = list(achievement?.alignment)
    .filter(isSkill)
    .map((a) => text(record(a)?.targetName))
    .filter((name): name is string => name !== undefined);
  return {
    name: text(achievement?.name) ?? text(credential.name) ?? "Untitled credential",
    description: text(achievement?.description) ?? text(credential.description),
    issuerName: text(issuer?.name),
    issuerId: idOf(credential.issuer),
    image: idOf(achievement?.image) ?? idOf(credential.image),
    issuedOn: text(credential.validFrom) ?? text(credential.issuanceDate) ?? text(credential.awardedDate),
    expiresOn: text(credential.validUntil) ?? text(credential.expirationDate),
    achievementUrl: text(achievement?.id),
    credentialId: text(credential.id),
    skills: skills.length ? skills : undefined,
  };
}

/** The EU micro-credential elements and other facts a reader wants, as label/value pairs, in a stable order. */
export function achievementFacts(value: unknown): { label: string; value: string }[] {
  const achievement = record(value);
  if (!achievement) return [];
  const facts: [string, unknown][] = [
    ["Type", achievement.achievementType],
    ["EQF level", achievement.eqfLevel],
    [
      "Workload",
      achievement.notionalWorkloadHours !== undefined
        ? `${achievement.notionalWorkloadHours} hours`
        : undefined,
    ],
    ["ECTS credits", achievement.creditsAvailable],
    ["Assessment", achievement.assessmentType],
    ["Participation", achievement.participationForm],
    ["Quality assurance", achievement.qualityAssurance],
    ["Prerequisites", achievement.prerequisites],
    ["Supervision", achievement.assessmentSupervision],
    ["Identity verification", achievement.identityVerification],
    ["Stackability", achievement.stackability],
    ["Field of study", achievement.fieldOfStudy],
    ["Language", achievement.inLanguage],
    ["Code", achievement.humanCode],
  ];
  return facts.flatMap(([label, value]) =>
    typeof value === "string" || typeof value === "number" ? [{ label, value: String(value) }] : [],
  );
}

/** Learning outcomes and skills of an achievement, for the public page. */
export function achievementLists(value: unknown) {
  const achievement = record(value);
  return {
    outcomes: list(achievement?.learningOutcome).filter((o): o is string => typeof o === "string"),
    skills: list(achievement?.alignment)
      .filter(isSkill)
      .flatMap((a) => {
        const name = text(record(a)?.targetName);
        return name
          ? [{ name, url: text(record(a)?.targetUrl), framework: text(record(a)?.targetFramework) }]
          : [];
      }),
    criteria: text(record(achievement?.criteria)?.narrative),
  };
}

/** The credential inside a compact VC-JWT, unverified (for display: verification happens elsewhere). */
export function credentialOfJwt(jwt: string): Json | undefined {
  try {
    const payload = JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(atob((jwt.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/")), (c) =>
          c.charCodeAt(0),
        ),
      ),
    );
    return record(payload?.vc) ?? record(payload);
  } catch {
    return undefined;
  }
}

/** The credential JSON of a stored Cairn document: a JSON-LD credential, or {"jwt": "…"}. */
export const credentialOfStored = (document: Json): Json | undefined =>
  typeof document.jwt === "string" ? credentialOfJwt(document.jwt) : document;
