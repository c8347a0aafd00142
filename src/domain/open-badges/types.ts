// Input and output shapes of the unsigned Open Badges 3.0 credential builder.
// Field names follow the OB 3.0 data model so values pass straight through.

export type Image = { id: string; type: "Image"; caption?: string };

export type Alignment = {
  type: ["Alignment"];
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetDescription?: string;
  targetFramework?: string;
  targetType?: string;
};

export type RubricCriterionLevel = {
  id: string;
  type: ["RubricCriterionLevel"];
  name: string;
  description?: string;
  level?: string;
  points?: string;
  alignment?: Alignment[];
};

export type ResultDescription = {
  id: string;
  type: ["ResultDescription"];
  name: string;
  resultType: string;
  allowedValue?: string[];
  requiredLevel?: string;
  requiredValue?: string;
  rubricCriterionLevel?: RubricCriterionLevel[];
  valueMax?: string;
  valueMin?: string;
  alignment?: Alignment[];
};

export type Result = {
  type: ["Result"];
  resultDescription?: string;
  achievedLevel?: string;
  status?: "Completed" | "Enrolled" | "Failed" | "InProgress" | "OnHold" | "Provisional" | "Withdrew";
  value?: string;
  alignment?: Alignment[];
};

export type Evidence = {
  type: ["Evidence"];
  id?: string;
  name?: string;
  description?: string;
  narrative?: string;
  genre?: string;
  audience?: string;
};

export type Related = { id: string; type: ["Related"]; inLanguage?: string; version?: string };

export type IssuerProfile = {
  id: string;
  name: string;
  url?: string;
  email?: string;
  description?: string;
  image?: Image;
};

export type AchievementInput = {
  id: string;
  name: string;
  description: string;
  criteria: { id?: string; narrative?: string };
  achievementType?: string;
  image?: Image;
  alignment?: Alignment[];
  resultDescription?: ResultDescription[];
  creditsAvailable?: number;
  fieldOfStudy?: string;
  specialization?: string;
  humanCode?: string;
  tag?: string[];
  version?: string;
  related?: Related[];
  inLanguage?: string;
  creator?: IssuerProfile;
};

/** The learner: by DID/URL, or by an email address that is salted and hashed before it is written. */
export type Recipient = { kind: "id"; id: string } | { kind: "email"; email: string; salt: string };

export type IdentityObject = {
  type: "IdentityObject";
  identityType: "emailAddress";
  hashed: true;
  identityHash: string;
  salt: string;
};

export type BitstringStatusEntry = {
  id: string;
  type: "BitstringStatusListEntry";
  statusPurpose: "revocation" | "suspension";
  statusListIndex: string;
  statusListCredential: string;
};

export type AwardInput = {
  credentialId: string;
  issuer: IssuerProfile;
  achievement: AchievementInput;
  recipient: Recipient;
  validFrom: Date;
  validUntil?: Date;
  awardedDate?: Date;
  name?: string;
  description?: string;
  image?: Image;
  /** OB 3.0's schema allows a single credentialStatus object, so one entry (usually revocation). */
  credentialStatus?: BitstringStatusEntry;
  evidence?: Evidence[];
  result?: Result[];
  creditsEarned?: number;
  activityStartDate?: Date;
  activityEndDate?: Date;
  term?: string;
  role?: string;
  narrative?: string;
  /** Extra context URLs after the OB one (e.g. a bundled Cairn extension context). */
  extraContexts?: string[];
};

export type UnsignedOpenBadgeCredential = {
  "@context": string[];
  id: string;
  type: ["VerifiableCredential", "OpenBadgeCredential"];
  issuer: Record<string, unknown>;
  validFrom: string;
  credentialSubject: Record<string, unknown>;
  [field: string]: unknown;
};
