/**
 * Forge's `NeedsAuthenticationError` (`@forge/api`): an `asUser()` request by a user who has not granted
 * the app access yet, or not since a scope change (the proxy answers `forge-proxy-error:
 * NEEDS_AUTHENTICATION_ERR`). Forge shows its "Allow access" prompt only when this error escapes the
 * invocation, so nothing may turn it into an app error. Recognised by name: only src/forge/ imports
 * `@forge/*`.
 */
export function isConsentRequired(error: unknown): boolean {
  return error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR';
}
