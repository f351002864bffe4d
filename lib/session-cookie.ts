/**
 * Auth.js's session cookie. Over https it is `__Secure-`-prefixed, and a large one is split into
 * `.0`, `.1`…, so a request carries a session when any cookie's name contains this.
 */
export const SESSION_COOKIE = 'authjs.session-token';
