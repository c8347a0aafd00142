import { secureHeaders } from "hono/secure-headers";

/** Strict headers for every response: no inline script or style, no framing, no referrer leaks. */
export const securityHeaders = (https: boolean) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    xContentTypeOptions: "nosniff",
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: "DENY",
    strictTransportSecurity: https ? "max-age=31536000; includeSubDomains" : false,
    crossOriginResourcePolicy: "same-site",
    crossOriginOpenerPolicy: "same-origin",
    // A route that sets its own policy (logos, badge images) keeps it.
    overwrite: false,
  });
