/**
 * Account key pairs: X25519 for key agreement (used by HPKE) and Ed25519 for signatures.
 *
 * <p>Private keys are {@link dev.strongroom.crypto.common.SecretBytes}: they hold raw bytes, wipe
 * them on close and never print them. The operations run on Bouncy Castle's RFC 7748 / RFC 8032
 * arithmetic directly over those bytes, so no un-wipeable copy of a private key is left in a
 * library key object. Public keys are immutable records compared by content.
 */
package dev.strongroom.crypto.asym;
