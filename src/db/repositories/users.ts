import { and, count, eq, gt, isNull } from "drizzle-orm";
import type {
  OneTimeTokenRepository,
  SessionRepository,
  SignInAttemptRepository,
  UserRepository,
} from "../../app/ports.ts";
import type { User } from "../../domain/types.ts";
import type { Db } from "../client.ts";
import { oneTimeTokens, sessions, signInAttempts, users } from "../schema.ts";

export const userRepository = (db: Db): UserRepository => ({
  async findById(id) {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  },
  async findByEmail(email) {
    const [row] = await db.select().from(users).where(eq(users.email, email));
    return row;
  },
  async insert(user) {
    await db.insert(users).values(user);
  },
  async update(id, changes) {
    await db.update(users).set(changes).where(eq(users.id, id));
  },
  async count() {
    const [row] = await db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  },
  async delete(id) {
    await db.delete(users).where(eq(users.id, id));
  },
});

export const sessionRepository = (db: Db): SessionRepository => ({
  async insert(session) {
    await db.insert(sessions).values(session);
  },
  async findUser(tokenHash, now) {
    const [row] = await db
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
    return row?.user as User | undefined;
  },
  async delete(tokenHash) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },
  async deleteForUser(userId) {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
});

export const oneTimeTokenRepository = (db: Db): OneTimeTokenRepository => ({
  async insert(token) {
    await db.insert(oneTimeTokens).values(token);
  },
  async consume(tokenHash, purpose, now) {
    // One UPDATE decides: two clicks on the same link cannot both succeed.
    const [row] = await db
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeTokens.tokenHash, tokenHash),
          eq(oneTimeTokens.purpose, purpose),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, now),
        ),
      )
      .returning({ userId: oneTimeTokens.userId });
    return row?.userId;
  },
});

export const signInAttemptRepository = (db: Db): SignInAttemptRepository => ({
  async record(attempt) {
    await db.insert(signInAttempts).values(attempt);
  },
  async countFailures(by, since) {
    const who = "email" in by ? eq(signInAttempts.email, by.email) : eq(signInAttempts.ip, by.ip);
    const [row] = await db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(who, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
    return row?.n ?? 0;
  },
});
