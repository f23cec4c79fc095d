package dev.strongroom.crypto.aead;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Test-only HChaCha20 (draft-irtf-cfrg-xchacha §2.2), written from the draft and independent of
 * Bouncy Castle, so the XChaCha20-Poly1305 construction can be cross-checked against the JDK's
 * ChaCha20-Poly1305.
 */
final class HChaCha20 {

    private HChaCha20() {}

    static byte[] subkey(byte[] key, byte[] nonce16) {
        int[] s = new int[16];
        s[0] = 0x61707865;
        s[1] = 0x3320646e;
        s[2] = 0x79622d32;
        s[3] = 0x6b206574;
        ByteBuffer k = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            s[4 + i] = k.getInt();
        }
        ByteBuffer n = ByteBuffer.wrap(nonce16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) {
            s[12 + i] = n.getInt();
        }
        for (int round = 0; round < 10; round++) {
            quarterRound(s, 0, 4, 8, 12);
            quarterRound(s, 1, 5, 9, 13);
            quarterRound(s, 2, 6, 10, 14);
            quarterRound(s, 3, 7, 11, 15);
            quarterRound(s, 0, 5, 10, 15);
            quarterRound(s, 1, 6, 11, 12);
            quarterRound(s, 2, 7, 8, 13);
            quarterRound(s, 3, 4, 9, 14);
        }
        ByteBuffer out = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : new int[] {0, 1, 2, 3, 12, 13, 14, 15}) {
            out.putInt(s[i]);
        }
        return out.array();
    }

    private static void quarterRound(int[] s, int a, int b, int c, int d) {
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 7);
    }
}
