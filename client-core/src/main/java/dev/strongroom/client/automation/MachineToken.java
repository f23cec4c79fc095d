package dev.strongroom.client.automation;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.keys.CleartextIdentityKeys;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.mac.Sha256;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A machine account's token, printed once when the machine is created: {@code srm2_} followed by
 * base64url of
 *
 * <pre>
 * team id (16) | genesis hash (32) | machine id (16) | API secret (32)
 *     | x25519 private (32) | ed25519 seed (32) | check (4)
 * </pre>
 *
 * where check is the first 4 bytes of SHA-256("strongroom/v2/machine-token" | everything before
 * it). The check catches a mistyped or truncated token before any network call, and with one
 * message whatever part was damaged, so the error says nothing about the token's structure. The
 * server only ever sees the machine id and the secret (and stores SHA-256 of the secret).
 *
 * <p>The genesis hash pins the team: a machine keeps no state between runs, so without it a server
 * could serve a whole forged team log (its own founder, the machine's public bundle copied in, a
 * vault key of its choosing granted to it) and the machine would read the server's values. The
 * session refuses a log whose genesis entry hashes to anything else. Version 1 tokens ({@code
 * srm1_}) carried no pin and are refused, as is any other prefix: there is no fallback.
 *
 * <p>The token is a secret: parsed from and written to {@code char[]}, never a {@link String};
 * {@link #close()} wipes it.
 */
public final class MachineToken implements AutoCloseable {

    public static final String PREFIX = "srm2_";
    private static final String VERSION_1 = "srm1_";
    static final int SECRET_LENGTH = 32;
    static final int GENESIS_LENGTH = 32;
    private static final int SECRET_AT = 16 + GENESIS_LENGTH + 16;
    private static final int PAYLOAD = SECRET_AT + SECRET_LENGTH + CleartextIdentityKeys.LENGTH;
    private static final int CHECK = 4;
    private static final byte[] CHECK_CONTEXT =
            "strongroom/v2/machine-token".getBytes(StandardCharsets.US_ASCII);
    private static final String DAMAGED = "the machine token is malformed or damaged";

    private final UUID teamId;
    private final byte[] genesisHash;
    private final UUID machineId;
    private final byte[] secret;
    private final byte[] privateKeys;

    private MachineToken(
            UUID teamId, byte[] genesisHash, UUID machineId, byte[] secret, byte[] privateKeys) {
        this.teamId = teamId;
        this.genesisHash = genesisHash;
        this.machineId = machineId;
        this.secret = secret;
        this.privateKeys = privateKeys;
    }

    /**
     * A token for a new machine of the team whose verified log starts with the entry hashing to
     * {@code genesisHash}; copies {@code secret} and the identity's private keys.
     */
    public static MachineToken of(
            UUID teamId, byte[] genesisHash, UUID machineId, byte[] secret, IdentityKeys keys) {
        if (secret.length != SECRET_LENGTH) {
            throw new IllegalArgumentException("a machine API secret is 32 bytes");
        }
        if (genesisHash.length != GENESIS_LENGTH) {
            throw new IllegalArgumentException("a team genesis hash is 32 bytes");
        }
        return new MachineToken(
                teamId,
                genesisHash.clone(),
                machineId,
                secret.clone(),
                CleartextIdentityKeys.export(keys));
    }

    /** Parses a token (surrounding blanks and a trailing newline allowed); does not wipe input. */
    public static MachineToken parse(char[] text) {
        int start = 0;
        int end = text.length;
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        if (end - start > VERSION_1.length()
                && VERSION_1.contentEquals(CharBuffer.wrap(text, start, VERSION_1.length()))) {
            throw new AutomationInputException(
                    "this is a version 1 machine token (srm1_), which does not pin its team and is"
                            + " no longer accepted: create a new machine account");
        }
        if (end - start <= PREFIX.length()
                || !PREFIX.contentEquals(CharBuffer.wrap(text, start, PREFIX.length()))) {
            throw new AutomationInputException(DAMAGED + " (a token starts with " + PREFIX + ")");
        }
        byte[] raw;
        try {
            raw =
                    Base64Url.decode(
                            CharBuffer.wrap(
                                    text, start + PREFIX.length(), end - start - PREFIX.length()));
        } catch (MalformedInputException e) {
            throw new AutomationInputException(DAMAGED);
        }
        try {
            if (raw.length != PAYLOAD + CHECK) {
                throw new AutomationInputException(DAMAGED);
            }
            byte[] expected = check(raw, PAYLOAD);
            boolean ok =
                    ConstantTime.equals(
                            expected, Arrays.copyOfRange(raw, PAYLOAD, PAYLOAD + CHECK));
            if (!ok) {
                throw new AutomationInputException(DAMAGED);
            }
            ByteBuffer b = ByteBuffer.wrap(raw);
            UUID team = new UUID(b.getLong(), b.getLong());
            byte[] genesis = new byte[GENESIS_LENGTH];
            b.get(genesis);
            UUID machine = new UUID(b.getLong(), b.getLong());
            byte[] secret = Arrays.copyOfRange(raw, SECRET_AT, SECRET_AT + SECRET_LENGTH);
            byte[] keys = Arrays.copyOfRange(raw, SECRET_AT + SECRET_LENGTH, PAYLOAD);
            return new MachineToken(team, genesis, machine, secret, keys);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /** The token text; the caller wipes it. */
    public char[] toChars() {
        ByteBuffer b = ByteBuffer.allocate(PAYLOAD + CHECK);
        b.putLong(teamId.getMostSignificantBits()).putLong(teamId.getLeastSignificantBits());
        b.put(genesisHash);
        b.putLong(machineId.getMostSignificantBits()).putLong(machineId.getLeastSignificantBits());
        b.put(secret).put(privateKeys);
        byte[] raw = b.array();
        byte[] c = check(raw, PAYLOAD);
        System.arraycopy(c, 0, raw, PAYLOAD, CHECK);
        char[] body = Base64Url.encodeToChars(raw);
        Bytes.wipe(raw);
        char[] out = new char[PREFIX.length() + body.length];
        PREFIX.getChars(0, PREFIX.length(), out, 0);
        System.arraycopy(body, 0, out, PREFIX.length(), body.length);
        Bytes.wipe(body);
        return out;
    }

    public UUID teamId() {
        return teamId;
    }

    /** The hash of the team's genesis log entry, as the creating admin verified it. */
    public byte[] genesisHash() {
        return genesisHash.clone();
    }

    public UUID machineId() {
        return machineId;
    }

    /** The API secret; the caller wipes the copy. */
    public byte[] secret() {
        return secret.clone();
    }

    /** SHA-256 of the API secret: what the server stores. */
    public byte[] secretHash() {
        return Sha256.hash(secret);
    }

    /** The machine's identity keys; the caller closes them. */
    public IdentityKeys identity() {
        return CleartextIdentityKeys.importKeys(privateKeys);
    }

    @Override
    public void close() {
        Bytes.wipe(secret);
        Bytes.wipe(privateKeys);
    }

    @Override
    public String toString() {
        return "MachineToken[machine=" + machineId + ", secret redacted]";
    }

    private static byte[] check(byte[] raw, int length) {
        byte[] covered = Arrays.copyOf(raw, length);
        try {
            return Arrays.copyOf(Sha256.hash(CHECK_CONTEXT, covered), CHECK);
        } finally {
            Bytes.wipe(covered);
        }
    }
}
