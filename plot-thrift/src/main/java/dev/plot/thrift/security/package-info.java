/**
 * Guarding the Thrift front end: TLS, the client's address and token for each connection,
 * connection limits, and dropping connections that send too slowly or not at all.
 */
package dev.plot.thrift.security;
