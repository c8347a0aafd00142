import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolled } from "./earning-fixtures.ts";
import { startTestContext, type TestContext } from "./harness.ts";
import { signedUp } from "./http-client.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());

describe("enrolling from the catalog", () => {
  it("offers a micro-credential's learning path on its card: sign in, enrol, then continue learning", async () => {
    const { achievementId, slug } = await enrolled(ctx);
    const search = `/catalog?provider=${slug}`;
    const anonymous = await (await ctx.app.request(search)).text();
    expect(anonymous).toContain(`/signin?next=${encodeURIComponent(`/learn/${achievementId}`)}`);
    expect(anonymous).toContain("Sign in to enrol");

    const learner = await signedUp(ctx.app, { email: `catalog-enrol-${achievementId}@example.org` });
    const page = await (await learner.get(search)).text();
    expect(page).toContain(`form="enrol-${achievementId}"`);
    expect(page).toContain(`action="/learn/${achievementId}/enrol"`);
    const enrol = await learner.submit(`/learn/${achievementId}/enrol`, {});
    expect(enrol.status).toBe(303);
    const after = await (await learner.get(search)).text();
    expect(after).toContain("Continue learning");
    expect(after).not.toContain(`form="enrol-${achievementId}"`);
    expect((await learner.submit(`/learn/${achievementId}/enrol`, {})).status).toBe(409);
  });

  it("says when a path admits by invitation, and offers nothing for a micro-credential without a path", async () => {
    const { achievementId, slug, owner } = await enrolled(ctx);
    await owner.submit(`/orgs/${slug}/achievements/${achievementId}/course/enrolment`, {
      enrolment: "invitation",
    });
    const learner = await signedUp(ctx.app, { email: `catalog-invite-${achievementId}@example.org` });
    const page = await (await learner.get(`/catalog?provider=${slug}`)).text();
    expect(page).toContain("Learning path by invitation of the provider");
    expect(page).not.toContain(`form="enrol-${achievementId}"`);
    await ctx.database.executeSql("DELETE FROM courses WHERE achievement_id = $1", [achievementId]);
    const none = await (await learner.get(`/catalog?provider=${slug}`)).text();
    expect(none).not.toContain("Learning path by invitation");
    expect(none).not.toContain("Sign in to enrol");
  });
});
