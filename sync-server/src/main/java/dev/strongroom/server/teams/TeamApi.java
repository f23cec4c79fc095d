package dev.strongroom.server.teams;

import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.LogVerificationException;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamLogVerifier;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.log.UnverifiedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.AppendLogResponse;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.CreateTeamRequest;
import dev.strongroom.model.wire.Ids;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.LogEntriesResponse;
import dev.strongroom.model.wire.TeamListResponse;
import dev.strongroom.model.wire.TeamSummary;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DbErrors;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.ForbiddenException;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.vaults.RotationRewrite;
import dev.strongroom.server.vaults.VaultStore;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Teams and their membership logs. The server accepts an entry only if the shared-model {@link
 * TeamLogVerifier} (the code every client runs) accepts it on top of the stored, re-verified log:
 * sequence and previous hash link, the signature verifies, and the author's role allows the action
 * at that point. Attachments an entry needs (vault metadata, key wraps, re-wrapped items) are
 * stored in the same transaction, and each wrap must hash to the digest the signed entry names, so
 * the server cannot be made to hand out a substituted wrap.
 */
public final class TeamApi {

    static final int MAX_LOG_PAGE = 500;
    static final int MAX_METADATA = 64 * 1024;
    static final int MAX_WRAP = 4096;

    private final Database db;
    private final ServerConfig config;
    private final TeamLog log = new TeamLog();

    public TeamApi(Database db, ServerConfig config) {
        this.db = db;
        this.config = config;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/teams", Access.AUTHENTICATED, this::createTeam)
                .get("/api/v1/teams", Access.AUTHENTICATED, this::listTeams)
                .get("/api/v1/teams/{teamId}/log", Access.ACCOUNT_OR_MACHINE, this::readLog)
                .post(
                        "/api/v1/teams/{teamId}/log",
                        Access.AUTHENTICATED,
                        config.maxRotationBytes(),
                        this::append);
    }

    private void createTeam(Call call) {
        Principal p = call.principal();
        CreateTeamRequest r = call.body(CreateTeamRequest.class);
        UnverifiedLogEntry decoded = decode(r.genesis());
        LogEntryBody body = decoded.allegedBody();
        if (!body.teamId().equals(r.teamId().toString())) {
            throw new BadRequestException("genesis entry is for another team");
        }
        requireAuthor(body, p);
        if (!(body.action() instanceof LogAction.CreateTeam create)) {
            throw new BadRequestException("the first entry must be create_team");
        }
        // new teams seal their name per member (log format 2); old logs still verify elsewhere
        TeamState state = verify(() -> TeamLogVerifier.verifyNewTeam(r.genesis()));
        long now = System.currentTimeMillis();
        try {
            db.write(
                    tx -> {
                        requireOwnBundle(tx, p.id(), create.founder());
                        tx.update(
                                "INSERT INTO teams (id, created_by, created_at, genesis_hash,"
                                        + " head_seq, head_hash) VALUES (?, ?, ?, ?, 0, ?)",
                                r.teamId(),
                                p.id(),
                                now,
                                state.genesisHash(),
                                state.headHash());
                        insertEntry(tx, r.teamId(), r.genesis(), decoded, body, now);
                        Projection.write(tx, r.teamId(), state);
                        tx.audit(
                                AuditEvent.of("team.create", call.actor())
                                        .team(r.teamId().toString())
                                        .target("team", r.teamId().toString())
                                        .build());
                        return null;
                    });
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(ErrorCode.ALREADY_EXISTS, "a team with this id exists");
            }
            throw e;
        }
        log.remember(r.teamId(), state);
        call.created(
                new TeamSummary(r.teamId(), "owner", 0, state.headHash(), state.genesisHash()));
    }

    private void listTeams(Call call) {
        Principal p = call.principal();
        call.ok(
                new TeamListResponse(
                        db.read(
                                tx ->
                                        tx.query(
                                                "SELECT t.id, m.role, t.head_seq, t.head_hash,"
                                                        + " t.genesis_hash FROM teams t JOIN"
                                                        + " team_members m ON m.team_id = t.id"
                                                        + " WHERE m.principal_id = ? ORDER BY"
                                                        + " t.created_at, t.id",
                                                rs ->
                                                        new TeamSummary(
                                                                UUID.fromString(rs.getString(1)),
                                                                rs.getString(2),
                                                                rs.getLong(3),
                                                                rs.getBytes(4),
                                                                rs.getBytes(5)),
                                                p.id()))));
    }

    private void readLog(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        Long after = call.queryLong("after");
        Long limit = call.queryLong("limit");
        int n = (int) Math.min(MAX_LOG_PAGE, limit == null ? MAX_LOG_PAGE : Math.max(1, limit));
        call.ok(
                db.read(
                        tx -> {
                            requireMember(tx, teamId, p.id());
                            TeamLog.Head head = TeamLog.head(tx, teamId, false);
                            return new LogEntriesResponse(
                                    TeamLog.entries(tx, teamId, after == null ? -1 : after, n),
                                    head.seq());
                        }));
    }

    private void append(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        AppendLogRequest r = call.body(AppendLogRequest.class);
        Checked c = check(teamId, r.entry(), p);
        if (c.body().action() instanceof LogAction.AddMachine) {
            throw new BadRequestException(
                    "add machine accounts through POST /api/v1/teams/{teamId}/machines");
        }
        long now = System.currentTimeMillis();
        TeamState next = db.write(tx -> appendInTx(tx, teamId, c, r, p, call.actor(), now));
        remember(teamId, next);
        call.ok(new AppendLogResponse(next.seq(), next.headHash()));
    }

    /** A log entry decoded and checked against the path's team and the caller, not yet verified. */
    public record Checked(SignedLogEntry entry, UnverifiedLogEntry decoded, LogEntryBody body) {}

    /** Decodes an entry and checks it is for this team and authored by the caller (400/403). */
    public static Checked check(UUID teamId, SignedLogEntry entry, Principal p) {
        UnverifiedLogEntry decoded = decode(entry);
        LogEntryBody body = decoded.allegedBody();
        if (!body.teamId().equals(teamId.toString())) {
            throw new BadRequestException("entry is for another team");
        }
        requireAuthor(body, p);
        return new Checked(entry, decoded, body);
    }

    /**
     * Verifies a checked entry over the stored log and stores it with its attachments, the new
     * head, the projections and an audit event, all in the caller's transaction. After commit the
     * caller hands the returned state to {@link #remember}.
     */
    public TeamState appendInTx(
            Tx tx,
            UUID teamId,
            Checked c,
            AppendLogRequest r,
            Principal p,
            dev.strongroom.server.audit.Actor actor,
            long now)
            throws SQLException {
        LogEntryBody body = c.body();
        requireMember(tx, teamId, p.id());
        TeamLog.Head head = TeamLog.head(tx, teamId, true);
        if (body.seq() != head.seq() + 1) {
            throw new ConflictException(
                    ErrorCode.CONFLICT,
                    "the log is at "
                            + head.seq()
                            + "; fetch and verify it, then append "
                            + (head.seq() + 1));
        }
        TeamState current = log.state(tx, teamId, head);
        TeamState state = verify(() -> TeamLogVerifier.extend(current, List.of(c.entry())));
        storeAttachments(tx, teamId, current, state, body, r, p.id(), now);
        insertEntry(tx, teamId, c.entry(), c.decoded(), body, now);
        tx.update(
                "UPDATE teams SET head_seq = ?, head_hash = ? WHERE id = ?",
                state.seq(),
                state.headHash(),
                teamId);
        Projection.write(tx, teamId, state);
        tx.audit(
                AuditEvent.of("team.log_append", actor)
                        .team(teamId.toString())
                        .target("team", teamId.toString())
                        .detail(actionName(body.action()) + " seq=" + body.seq())
                        .build());
        if (body.action() instanceof LogAction.DeleteVault d) {
            tx.audit(
                    AuditEvent.of("vault.delete", actor)
                            .team(teamId.toString())
                            .target("vault", d.vaultId())
                            .detail("seq=" + body.seq())
                            .build());
        }
        return state;
    }

    /**
     * The verified state at the team's stored head, read in the caller's transaction (for checks
     * other packages make against the log, such as break-glass recovery); 404 for no such team.
     */
    public TeamState stateInTx(Tx tx, UUID teamId) throws SQLException {
        return log.state(tx, teamId, TeamLog.head(tx, teamId, false));
    }

    /** Caches a committed state (saves re-verifying the log on the next request). */
    public void remember(UUID teamId, TeamState state) {
        log.remember(teamId, state);
    }

    private void storeAttachments(
            Tx tx,
            UUID teamId,
            TeamState before,
            TeamState after,
            LogEntryBody body,
            AppendLogRequest r,
            UUID author,
            long now)
            throws SQLException {
        LogAction action = body.action();
        List<KeyWrapUpload> wraps = r.wraps();
        if (wraps.stream().anyMatch(java.util.Objects::isNull)
                || r.items().stream().anyMatch(java.util.Objects::isNull)) {
            throw new BadRequestException("wraps and items may not contain null");
        }
        for (KeyWrapUpload w : wraps) {
            Check.blob(w.wrap(), "wrap", 1, MAX_WRAP);
        }
        if (action instanceof LogAction.CreateVault v) {
            UUID vaultId = uuid(v.vaultId(), "vaultId");
            if (r.vaultMetadata() == null) {
                throw new BadRequestException(
                        ErrorCode.MISSING_FIELD, "create_vault needs vaultMetadata");
            }
            Check.blob(r.vaultMetadata(), "vaultMetadata", 1, MAX_METADATA);
            requireItemsEmpty(r);
            KeyWrapUpload w = single(wraps, author.toString(), 1, v.authorWrapDigest());
            VaultStore.createVault(tx, vaultId, teamId, author, r.vaultMetadata(), now);
            VaultStore.putWrap(tx, vaultId, 1, w.recipientId(), "account", w.wrap(), now);
            return;
        }
        if (r.vaultMetadata() != null) {
            throw new BadRequestException("vaultMetadata belongs only to create_vault");
        }
        if (action instanceof LogAction.GrantVault g) {
            UUID vaultId = uuid(g.vaultId(), "vaultId");
            requireItemsEmpty(r);
            int version = after.vaults().get(g.vaultId()).keyVersion();
            KeyWrapUpload w = single(wraps, g.granteeId(), version, g.wrapDigest());
            VaultStore.putWrap(
                    tx,
                    vaultId,
                    version,
                    w.recipientId(),
                    kind(after, g.granteeId()),
                    w.wrap(),
                    now);
        } else if (action instanceof LogAction.RotateVaultKey rot) {
            UUID vaultId = uuid(rot.vaultId(), "vaultId");
            Map<String, KeyWrapUpload> byRecipient = new HashMap<>();
            for (KeyWrapUpload w : wraps) {
                if (w.keyVersion() != rot.newKeyVersion()
                        || byRecipient.put(w.recipientId(), w) != null) {
                    throw new BadRequestException("one wrap per grantee at the new key version");
                }
            }
            if (!byRecipient.keySet().equals(rot.wrapDigests().keySet())) {
                throw new BadRequestException(
                        "a wrap is needed for exactly the rotation's grantees");
            }
            for (Map.Entry<String, String> d : rot.wrapDigests().entrySet()) {
                KeyWrapUpload w = byRecipient.get(d.getKey());
                requireDigest(w.wrap(), d.getValue());
                VaultStore.putWrap(
                        tx,
                        vaultId,
                        rot.newKeyVersion(),
                        d.getKey(),
                        kind(after, d.getKey()),
                        w.wrap(),
                        now);
            }
            VaultStore.setKeyVersion(tx, vaultId, rot.newKeyVersion());
            RotationRewrite.apply(
                    tx,
                    vaultId,
                    rot.newKeyVersion(),
                    r.items(),
                    author,
                    body.seq(),
                    config.historyDepth(),
                    MAX_WRAP,
                    now);
        } else {
            if (!wraps.isEmpty()) {
                throw new BadRequestException("this entry takes no key wraps");
            }
            requireItemsEmpty(r);
            if (action instanceof LogAction.RemoveMachine m) {
                // the machine's very next request fails, whichever instance it reaches
                tx.update(
                        "UPDATE machine_accounts SET revoked_at = ? WHERE id = ? AND team_id = ?"
                                + " AND revoked_at IS NULL",
                        now,
                        m.machineId(),
                        teamId);
            } else if (action instanceof LogAction.DeleteVault d) {
                VaultStore.dropVault(tx, uuid(d.vaultId(), "vaultId"), now);
            }
        }
    }

    private static String kind(TeamState state, String recipient) {
        if (state.machines().containsKey(recipient)) {
            return "machine";
        }
        return state.members().containsKey(recipient) ? "account" : "recovery";
    }

    private static KeyWrapUpload single(
            List<KeyWrapUpload> wraps, String recipient, int version, String digest) {
        if (wraps.size() != 1
                || !wraps.get(0).recipientId().equals(recipient)
                || wraps.get(0).keyVersion() != version) {
            throw new BadRequestException(
                    "exactly one wrap for "
                            + recipient
                            + " at key version "
                            + version
                            + " is needed");
        }
        requireDigest(wraps.get(0).wrap(), digest);
        return wraps.get(0);
    }

    private static void requireDigest(byte[] wrap, String digest) {
        byte[] expected;
        try {
            expected = Base64Url.decode(digest);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("wrap digest is malformed");
        }
        if (!ConstantTime.equals(Sha256.hash(wrap), expected)) {
            throw new BadRequestException("a wrap does not match the digest in the signed entry");
        }
    }

    private static void requireItemsEmpty(AppendLogRequest r) {
        if (!r.items().isEmpty()) {
            throw new BadRequestException("only rotate_vault_key takes items");
        }
    }

    private static UUID uuid(String raw, String field) {
        if (!Ids.isValid(raw)) {
            throw new BadRequestException(
                    ErrorCode.INVALID_ID, field + " must be a canonical UUID");
        }
        return Ids.parse(raw);
    }

    static void requireMember(Tx tx, UUID teamId, UUID principal) throws SQLException {
        if (tx.queryOne(
                        "SELECT 1 FROM team_members WHERE team_id = ? AND principal_id = ?",
                        rs -> 1,
                        teamId,
                        principal)
                .isEmpty()) {
            throw new NotFoundException("no such team");
        }
    }

    private static void requireAuthor(LogEntryBody body, Principal p) {
        if (!p.id().toString().equals(body.authorId())) {
            throw new ForbiddenException("entries must be authored by the caller");
        }
    }

    /** The founder's bundle must be the one the caller registered. */
    private static void requireOwnBundle(Tx tx, UUID accountId, PublicBundleJson founder)
            throws SQLException {
        byte[] stored =
                tx.queryOne(
                                "SELECT public_bundle FROM accounts WHERE id = ?",
                                rs -> rs.getBytes(1),
                                accountId)
                        .orElseThrow(() -> new NotFoundException("no such account"));
        PublicBundleJson registered;
        try {
            registered = WireJson.mapper().readValue(stored, PublicBundleJson.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored bundle unreadable", e);
        }
        if (founder == null
                || !registered.signingKey().equals(founder.signingKey())
                || !registered.encryptionKey().equals(founder.encryptionKey())) {
            throw new BadRequestException(
                    "the founder's bundle is not the caller's registered one");
        }
    }

    private static void insertEntry(
            Tx tx,
            UUID teamId,
            SignedLogEntry raw,
            UnverifiedLogEntry e,
            LogEntryBody body,
            long now)
            throws SQLException {
        byte[] bodyBytes;
        byte[] signature;
        byte[] prevHash;
        try {
            bodyBytes = Base64Url.decode(raw.body());
            signature = Base64Url.decode(raw.signature());
            prevHash = Base64Url.decode(body.prevHash());
        } catch (IllegalArgumentException ex) {
            throw new BadRequestException("entry is not canonical base64url");
        }
        tx.update(
                "INSERT INTO team_log_entries (team_id, seq, prev_hash, entry_hash, author_id,"
                        + " body, signature, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                teamId,
                body.seq(),
                prevHash,
                e.hash(),
                body.authorId(),
                bodyBytes,
                signature,
                now);
    }

    private static UnverifiedLogEntry decode(SignedLogEntry entry) {
        if (entry.body() == null || entry.signature() == null) {
            throw new BadRequestException(
                    ErrorCode.MISSING_FIELD, "entry needs body and signature");
        }
        if (entry.body().length() > 64 * 1024 * 4 / 3 + 4) {
            throw new dev.strongroom.server.http.PayloadTooLargeException("log entry is too large");
        }
        return verify(() -> UnverifiedLogEntry.decode(entry));
    }

    private static <T> T verify(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (LogVerificationException e) {
            switch (e.code()) {
                case "not_permitted" -> throw new ForbiddenException(e.getMessage());
                case "bad_sequence", "fork" ->
                        throw new ConflictException(ErrorCode.CONFLICT, e.getMessage());
                default -> throw new BadRequestException(e.getMessage());
            }
        }
    }

    private static String actionName(LogAction action) {
        return action.getClass().getSimpleName();
    }
}
