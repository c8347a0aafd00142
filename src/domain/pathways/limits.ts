/** Bounds on a pathway definition: generous for real programmes, small enough to evaluate on every page view. */
export const MAX_DEPTH = 8;
export const MAX_COMPONENTS = 200;
export const MAX_CREDITS = 1000;
export const MAX_AGE_MONTHS = 1200;
