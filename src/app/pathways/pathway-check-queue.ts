import type { Repositories } from "../ports.ts";

export const PATHWAY_CHECK_JOB = "pathways.check";

/** Asks the workers to look at this learner's pathways once their wallet changed (deduplicated per learner). */
export const queuePathwayCheck = (r: Repositories, userId: string) =>
  r.jobs.send(PATHWAY_CHECK_JOB, { userId }, { singletonKey: `pathways:${userId}` });

/** A component credential was revoked, suspended or expired: stacked credentials resting on it apply their policy. */
export const COMPONENT_LAPSED_JOB = "pathways.component-lapsed";

/** Hourly: components that expired lapse like revoked ones. */
export const COMPONENT_EXPIRY_JOB = "pathways.expiry-sweep";
