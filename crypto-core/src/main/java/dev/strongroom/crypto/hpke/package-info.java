/**
 * Hybrid public-key encryption, RFC 9180, for handing vault keys, account keys and recovery shares
 * to a recipient's X25519 public key.
 *
 * <p>One suite only: DHKEM(X25519, HKDF-SHA256) (0x0020), HKDF-SHA256 (0x0001), ChaCha20Poly1305
 * (0x0003); modes base and auth; single-shot seal/open (sequence number 0, one message per
 * encapsulation). No PSK modes, no exporter in the public API, no suite negotiation: a message
 * carries no algorithm identifier, so there is nothing to downgrade.
 *
 * <p>The protocol layer (labelled HKDF, DHKEM, key schedule, nonce sequence) is implemented here on
 * Bouncy Castle primitives rather than delegated to {@code org.bouncycastle.crypto.hpke.HPKE},
 * because that class draws auth-mode ephemeral keys from {@code CryptoServicesRegistrar} and offers
 * no way to supply them, so it could neither use {@code Randoms} nor be checked against the RFC
 * 9180 auth-mode vectors. Tests check this implementation against RFC 9180 Appendix A and against
 * Bouncy Castle's HPKE in both directions.
 */
package dev.strongroom.crypto.hpke;
