package dev.strongroom.model.log;

import com.fasterxml.jackson.core.JacksonException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.model.wire.WireJson;

/**
 * A decoded log entry whose signature and chain position have not been checked yet. Only {@link
 * TeamLogVerifier} turns it into state; everything readable here is alleged.
 */
public final class UnverifiedLogEntry {

    private final byte[] bodyBytes;
    private final byte[] signature;
    private final LogEntryBody allegedBody;

    private UnverifiedLogEntry(byte[] bodyBytes, byte[] signature, LogEntryBody allegedBody) {
        this.bodyBytes = bodyBytes;
        this.signature = signature;
        this.allegedBody = allegedBody;
    }

    /** Decodes; malformed input is a {@link LogVerificationException} with code malformed_entry. */
    public static UnverifiedLogEntry decode(SignedLogEntry entry) {
        try {
            byte[] body = Base64Url.decode(entry.body());
            byte[] signature = Base64Url.decode(entry.signature());
            LogEntryBody parsed = WireJson.mapper().readValue(body, LogEntryBody.class);
            if (parsed.action() == null || parsed.teamId() == null || parsed.authorId() == null) {
                throw new LogVerificationException("malformed_entry", "log entry misses a field");
            }
            return new UnverifiedLogEntry(body, signature, parsed);
        } catch (JacksonException | CryptoException | NullPointerException e) {
            throw new LogVerificationException("malformed_entry", "log entry is not well formed");
        } catch (java.io.IOException e) {
            throw new LogVerificationException("malformed_entry", "log entry is not well formed");
        }
    }

    public LogEntryBody allegedBody() {
        return allegedBody;
    }

    byte[] bodyBytes() {
        return bodyBytes;
    }

    byte[] signature() {
        return signature;
    }

    public byte[] hash() {
        return LogEntries.hash(bodyBytes, signature);
    }
}
