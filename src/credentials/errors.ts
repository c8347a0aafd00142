// Errors the credential engine throws from issuing-side functions (verification never throws).
// `code` is snake_case so the app can map it to an HTTP status without reading the message.
export class CredentialEngineError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CredentialEngineError";
    this.code = code;
  }
}
