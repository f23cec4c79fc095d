/**
 * SRP-6a password-authenticated login (RFC 5054 group arithmetic, RFC 2945 verifier): the server
 * stores a verifier, never anything password-equivalent, and the password never crosses the wire.
 *
 * <p>The server side is stateless between the two login steps ({@link
 * dev.strongroom.crypto.srp.SrpServer#challenge} and {@link
 * dev.strongroom.crypto.srp.SrpServer#verify}): the server's ephemeral secret {@code b} is returned
 * to the caller, which stores it (single use, short expiry) so that step 2 can run on a different
 * server instance.
 *
 * <h2>Protocol, byte by byte</h2>
 *
 * <p>Group: prime N, generator g, hash H ({@link dev.strongroom.crypto.srp.SrpGroup}); the product
 * uses the RFC 5054 4096-bit group with SHA-256. {@code L} is the byte length of N (512 for 4096
 * bits). {@code PAD(z)} is z as an unsigned big-endian integer left-padded with zero bytes to L
 * bytes. {@code |} is concatenation. Hash outputs used as integers are unsigned big-endian.
 *
 * <pre>
 *   x  = H(s | H(I | ":" | P))            s = salt, I = identity, P = authentication secret
 *   v  = g^x mod N                         verifier, stored by the server as PAD(v)
 *   k  = H(PAD(N) | PAD(g))
 *   a, b = 256-bit random integers (never 0)
 *   A  = g^a mod N                         client to server as PAD(A)
 *   B  = (k*v + g^b) mod N                 server to client as PAD(B)
 *   u  = H(PAD(A) | PAD(B))                abort if u == 0
 *   S  = (B - k*g^x)^(a + u*x) mod N       client
 *      = (A * v^u)^b mod N                 server
 *   K  = H(PAD(S))                         session key, |H| bytes
 *   M1 = H(PAD(A) | PAD(B) | K)            client proof, client to server
 *   M2 = H(PAD(A) | M1 | K)                server proof, server to client
 * </pre>
 *
 * <p>Received public values must lie in [1, N-1] (in particular A mod N != 0 and B mod N != 0),
 * otherwise the step fails with {@link dev.strongroom.crypto.api.AuthenticationFailedException};
 * proofs are compared in constant time. k, x, v, A, B, u and S follow RFC 5054 exactly and are
 * checked against its Appendix B vector; K, M1 and M2 are this project's choice (RFC 5054 leaves
 * them to TLS) and are pinned by a known-answer test.
 *
 * <p>Limitation: the arithmetic uses {@link java.math.BigInteger}, whose modPow is not constant
 * time and whose values cannot be wiped; secret exponents are kept as byte arrays and wiped, but
 * transient BigInteger copies stay on the heap until garbage collection.
 */
package dev.strongroom.crypto.srp;
