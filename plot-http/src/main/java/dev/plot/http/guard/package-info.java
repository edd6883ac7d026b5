/**
 * Guarding the HTTP front end: HTTPS, tokens and the allow-list, body and connection limits,
 * security headers, and error pages without stack traces. {@link dev.plot.http.guard.HttpGuard}
 * puts the handlers in their order.
 */
package dev.plot.http.guard;
