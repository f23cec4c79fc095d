/**
 * The HTTP client for the sync server's API. {@link dev.strongroom.client.api.ApiTransport} is the
 * shared layer (strict wire JSON, bearer tokens, TLS pinning, reply cap, deadlines, typed errors);
 * {@link dev.strongroom.client.api.ServerApi} types the account endpoints on top of it. Replies are
 * untrusted: this package checks their shape, the account and sync packages their meaning.
 */
package dev.strongroom.client.api;
