package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.api.NotFoundException;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;
import dev.strongroom.crypto.mac.Hkdf;
import dev.strongroom.model.wire.AccountRecordResponse;
import dev.strongroom.model.wire.PutAccountRecordRequest;
import dev.strongroom.model.wire.PutAccountRecordResponse;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.util.Optional;

/**
 * The account's "joined teams" record on the server, shared by all its devices (docs/CRYPTO.md,
 * "Joined teams across devices"): the same {@link JoinedTeams.Data} as the local file, sealed with
 * Envelope v1 (XChaCha20-Poly1305) under {@code HKDF-SHA256(account key, info =
 * Canonical("strongroom/v1/joined-teams-record-key", account id))}, associated data {@code
 * Canonical("strongroom/v1/joined-teams-record", account id)}. The server can withhold it or serve
 * an older version (a team then looks unjoined on a new device), but a record that does not open is
 * a {@code TAMPERED_DATA} alert, never read.
 */
final class AccountJoins {

    static final String PATH = "/api/v1/account/records/joined-teams";
    private static final String PURPOSE = "strongroom/v1/joined-teams-record";
    private static final int ATTEMPTS = 3;

    /** The record as fetched: its server version and, if there is one, its opened content. */
    record Fetched(long version, Optional<JoinedTeams.Data> data) {}

    private final UnlockedSession session;
    private final String accountId;

    AccountJoins(UnlockedSession session) {
        this.session = session;
        this.accountId = session.accountId().toString();
    }

    /** Reads and opens the record. */
    Fetched fetch() {
        AccountRecordResponse r;
        try {
            r = transport().get(PATH, session.token(), AccountRecordResponse.class);
        } catch (NotFoundException e) {
            return new Fetched(0, Optional.empty()); // a server without records: nothing shared
        }
        if (r.record() == null || r.record().length == 0) {
            return new Fetched(r.version(), Optional.empty());
        }
        byte[] plain;
        try (SymmetricKey key = key()) {
            plain = UnverifiedEnvelope.parse(r.record()).open(key, context());
        } catch (CryptoException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA,
                    "the account's joined-teams record on the server does not open; it was not"
                            + " used");
        }
        try {
            return new Fetched(
                    r.version(),
                    Optional.of(WireJson.mapper().readValue(plain, JoinedTeams.Data.class)));
        } catch (IOException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA,
                    "the account's joined-teams record on the server is unreadable");
        } finally {
            Bytes.wipe(plain);
        }
    }

    /**
     * Writes {@code merge(fetched)} with check-and-set; when another device wrote in between, reads
     * again and merges again.
     */
    void publish(java.util.function.Function<Optional<JoinedTeams.Data>, JoinedTeams.Data> merge) {
        for (int attempt = 1; ; attempt++) {
            Fetched current = fetch();
            byte[] plain = null;
            try (SymmetricKey key = key()) {
                plain = WireJson.mapper().writeValueAsBytes(merge.apply(current.data()));
                byte[] sealed = Envelope.seal(key, 0, plain, context());
                transport()
                        .put(
                                PATH,
                                session.token(),
                                new PutAccountRecordRequest(sealed, current.version()),
                                200,
                                PutAccountRecordResponse.class);
                return;
            } catch (NotFoundException e) {
                return; // a server without records: the join stays on this device only
            } catch (ConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (plain != null) {
                    Bytes.wipe(plain);
                }
            }
        }
    }

    private ApiTransport transport() {
        return session.server().transport();
    }

    private SymmetricKey key() {
        byte[] ak = session.accountKey().copyBytes();
        try {
            return SymmetricKey.takeOwnership(
                    Hkdf.derive(
                            ak, null, Canonical.of(PURPOSE + "-key").add(accountId).toBytes(), 32));
        } finally {
            Bytes.wipe(ak);
        }
    }

    private byte[] context() {
        return Canonical.of(PURPOSE).add(accountId).toBytes();
    }
}
