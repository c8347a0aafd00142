// The ports of the learner's side: wallets, pathways, and the credential files and imports behind them.
// Re-exported from ports.ts, where the use cases find every port.
import type { PathwayAward, Recognition, StoredPathway } from "../domain/pathways/stored-pathway.ts";
import type {
  CertificateInput,
  ImportOutcome,
  LearnerKey,
  LearnerProfile,
  UserEmail,
  WalletEntry,
  WalletItem,
  WalletShare,
} from "../domain/wallet/types.ts";

/** Stacked achievements' requirements, one per achievement; recognitions; and the stacked credentials awarded. */
export type PathwayRepository = {
  find(achievementId: string): Promise<StoredPathway | undefined>;
  save(pathway: StoredPathway): Promise<void>;
  /** Pathways towards which any of these achievements can count. */
  listContaining(achievementIds: readonly string[]): Promise<StoredPathway[]>;
  recognitions(organizationId: string): Promise<Recognition[]>;
  insertRecognition(recognition: Recognition): Promise<void>;
  removeRecognition(organizationId: string, id: string): Promise<void>;
  findAward(pathwayId: string, userId: string): Promise<PathwayAward | undefined>;
  findAwardById(awardId: string): Promise<PathwayAward | undefined>;
  insertAward(award: PathwayAward): Promise<void>;
  /** Stacked credentials that rest on this component credential. */
  awardsResting(credentialId: string): Promise<PathwayAward[]>;
  flagAward(awardId: string, at: Date, reason: string): Promise<void>;
  follow(pathwayId: string, userId: string, at: Date): Promise<void>;
  follows(pathwayId: string, userId: string): Promise<boolean>;
};

/** A learner's wallet: held and imported credentials, their shares, the learner's emails, key and profile. */
export type WalletRepository = {
  insertItem(item: WalletItem): Promise<void>;
  /** Adds a Cairn award to a wallet once; false when it was already there. */
  attachAward(item: WalletItem): Promise<boolean>;
  list(userId: string): Promise<WalletEntry[]>;
  find(userId: string, id: string): Promise<WalletEntry | undefined>;
  /** The accounts whose wallets hold this Cairn award. */
  holdersOf(awardId: string): Promise<string[]>;
  update(
    userId: string,
    id: string,
    changes: Partial<Pick<WalletItem, "hidden" | "collection">>,
  ): Promise<void>;
  remove(userId: string, id: string): Promise<void>;
  insertShare(share: WalletShare): Promise<void>;
  shares(itemId: string): Promise<WalletShare[]>;
  findShare(id: string): Promise<{ share: WalletShare; entry: WalletEntry } | undefined>;
  revokeShare(itemId: string, shareId: string, at: Date): Promise<void>;
  /** Items with an open public share, for the public profile. */
  publicEntries(userId: string, now: Date): Promise<{ share: WalletShare; entry: WalletEntry }[]>;
  emails(userId: string): Promise<UserEmail[]>;
  findEmail(email: string): Promise<UserEmail | undefined>;
  insertEmail(email: UserEmail): Promise<void>;
  verifyEmail(id: string, at: Date): Promise<void>;
  removeEmail(userId: string, id: string): Promise<void>;
  findKey(userId: string): Promise<LearnerKey | undefined>;
  insertKey(key: LearnerKey): Promise<void>;
  findProfile(userId: string): Promise<LearnerProfile | undefined>;
  findProfileByHandle(handle: string): Promise<LearnerProfile | undefined>;
  saveProfile(profile: LearnerProfile): Promise<void>;
};

/** Files a learner takes away (src/credentials): baked badge images and PDF certificates. */
export type CredentialFiles = {
  bakePng(png: Uint8Array, credential: string): Uint8Array;
  bakeSvg(svg: string, credential: string): string;
  certificatePdf(input: CertificateInput): Promise<Uint8Array>;
};

/** Reads and verifies a credential from anywhere: OB 3.0 (JSON-LD, JWT, baked), CLR 2.0, OB 2.0. Never throws. */
export type CredentialImporter = {
  read(input: Uint8Array | string): Promise<ImportOutcome>;
  /** Whether an OB 2.0 recipient or OB 3.0 identity names one of these addresses. */
  recipientMatches(
    recipient: NonNullable<Extract<ImportOutcome, { ok: true }>["display"]["recipient"]>,
    emails: string[],
  ): boolean;
};
