/**
 * Who is calling: JWT verification (HS256 shared secret or RS256 via JWKS), roles, REST
 * bearer authentication and the demo token issuer of the embedded default.
 */
package io.orderchat.identity;
