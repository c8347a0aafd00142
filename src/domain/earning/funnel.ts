/** How far the learners on one path got: the completion funnel issuers and assessors watch. */
export type CompletionFunnel = {
  achievementId: string;
  enrolled: number;
  pending: number;
  started: number;
  completed: number;
  /** Learners who completed each module, by module id. */
  modules: Record<string, number>;
  /** Learners who passed each quiz at least once, by quiz id. */
  quizzesPassed: Record<string, number>;
  /** Learners who handed each project in, and whose submission was graded, by project id. */
  projectsSubmitted: Record<string, number>;
  projectsGraded: Record<string, number>;
};
