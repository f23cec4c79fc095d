package dev.strongroom.server.accountdata;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.AccountRecordResponse;
import dev.strongroom.model.wire.PutAccountRecordRequest;
import dev.strongroom.model.wire.PutAccountRecordResponse;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Opaque records an account's clients keep for each other, such as the teams the account joined (so
 * a second device need not join them again). The clients seal each record under a key derived from
 * the account key; the server only stores it with a version for check-and-set writes. It can
 * withhold a record or serve an older one (clients treat that as knowing less, never more), but it
 * cannot read or forge one. Account sessions only: machine tokens get 403.
 */
public final class AccountRecordApi {

    /** The kinds of record there are; anything else is 404. */
    static final Set<String> KINDS = Set.of("joined-teams");

    static final int MAX_RECORD = 256 * 1024;
    static final int MIN_RECORD = 40; // an AEAD envelope's header, nonce and tag

    private final Database db;

    public AccountRecordApi(Database db) {
        this.db = db;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/account/records/{kind}", Access.AUTHENTICATED, this::read)
                .put(
                        "/api/v1/account/records/{kind}",
                        Access.AUTHENTICATED,
                        MAX_RECORD * 2,
                        this::write);
    }

    private void read(Call call) {
        Principal p = call.principal();
        String kind = kind(call);
        call.ok(
                db.read(tx -> stored(tx, p.id(), kind))
                        .orElseGet(() -> new AccountRecordResponse(new byte[0], 0)));
    }

    private void write(Call call) {
        Principal p = call.principal();
        String kind = kind(call);
        PutAccountRecordRequest r = call.body(PutAccountRecordRequest.class);
        Check.blob(r.record(), "record", MIN_RECORD, MAX_RECORD);
        if (r.expectedVersion() < 0) {
            throw new BadRequestException("expectedVersion must be 0 or more");
        }
        long now = System.currentTimeMillis();
        long version =
                db.write(
                        tx -> {
                            long current =
                                    stored(tx, p.id(), kind)
                                            .map(AccountRecordResponse::version)
                                            .orElse(0L);
                            if (current != r.expectedVersion()) {
                                throw new ConflictException(
                                        ErrorCode.CONFLICT,
                                        "the record is at version "
                                                + current
                                                + "; read it, merge and write again");
                            }
                            store(tx, p.id(), kind, r.record(), current + 1, now);
                            tx.audit(
                                    AuditEvent.of("account.record_write", call.actor())
                                            .target("account_record", kind)
                                            .detail("version=" + (current + 1))
                                            .build());
                            return current + 1;
                        });
        call.ok(new PutAccountRecordResponse(version));
    }

    private static String kind(Call call) {
        String kind = call.context().pathParam("kind");
        if (!KINDS.contains(kind)) {
            throw new NotFoundException("no such account record kind");
        }
        return kind;
    }

    private static Optional<AccountRecordResponse> stored(Tx tx, UUID account, String kind)
            throws SQLException {
        return tx.queryOne(
                "SELECT record, version FROM account_records WHERE account_id = ? AND kind = ?",
                rs -> new AccountRecordResponse(rs.getBytes(1), rs.getLong(2)),
                account,
                kind);
    }

    private static void store(
            Tx tx, UUID account, String kind, byte[] record, long version, long now)
            throws SQLException {
        if (version == 1) {
            tx.update(
                    "INSERT INTO account_records (account_id, kind, record, version, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    account,
                    kind,
                    record,
                    version,
                    now);
        } else {
            tx.update(
                    "UPDATE account_records SET record = ?, version = ?, updated_at = ? WHERE"
                            + " account_id = ? AND kind = ?",
                    record,
                    version,
                    now,
                    account,
                    kind);
        }
    }
}
