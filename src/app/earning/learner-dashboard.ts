import { effectiveRules } from "../../domain/earning/course.ts";
import { ruleChecklist } from "../../domain/earning/progress.ts";
import { percentDone } from "../../domain/earning/rule-text.ts";
import type { AppDeps } from "../ports.ts";
import { achievementNameIn } from "./project-access.ts";

/**
 * The learner's dashboard: every enrolment with its micro-credential, issuer, status and progress (the share of the
 * award rules already met), and for a completed one the credential in their wallet.
 */
export const learnerDashboard = (deps: AppDeps, userId: string) =>
  deps.uow(async (r) => {
    const [enrolments, wallet] = await Promise.all([r.enrolments.listForUser(userId), r.wallet.list(userId)]);
    const walletItem = new Map(wallet.flatMap((item) => (item.awardId ? [[item.awardId, item.id]] : [])));
    return Promise.all(
      enrolments.map(async (enrolment) => {
        const [name, organization, course, progress] = await Promise.all([
          achievementNameIn(r, enrolment.achievementId),
          r.organizations.findById(enrolment.organizationId),
          r.courses.find(enrolment.achievementId),
          r.enrolments.progress(enrolment.id),
        ]);
        const checklist = course ? ruleChecklist(effectiveRules(course), progress) : [];
        return {
          enrolment,
          name: name || "(removed micro-credential)",
          issuer: organization?.name ?? "",
          percent: enrolment.status === "completed" ? 100 : percentDone(checklist),
          walletItemId: enrolment.awardId ? walletItem.get(enrolment.awardId) : undefined,
        };
      }),
    );
  });
