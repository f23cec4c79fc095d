package dev.strongroom.server.accounts;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;
import dev.strongroom.crypto.srp.SrpServer;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.wire.ChangePasswordRequest;
import dev.strongroom.model.wire.ChangePasswordResponse;
import dev.strongroom.model.wire.DeleteAccountRequest;
import dev.strongroom.model.wire.KdfParams;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginFinishResponse;
import dev.strongroom.model.wire.LoginStartRequest;
import dev.strongroom.model.wire.PreloginRequest;
import dev.strongroom.model.wire.PreloginResponse;
import dev.strongroom.model.wire.RegisterRequest;
import dev.strongroom.model.wire.SessionListResponse;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DbErrors;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import java.util.UUID;

/**
 * Accounts, logins, sessions and the public-key directory. The server never sees a password or
 * anything password-equivalent: registration brings an SRP verifier, logins are SRP-6a, and
 * changing the password or deleting the account needs a fresh SRP proof besides the session.
 */
public final class AccountApi {

    static final int SALT_BYTES = 16;
    static final int MAX_WRAPPED_ACCOUNT_KEY = 1024;
    static final int MAX_PRIVATE_KEYS = 8192;
    static final int DEVICE_NAME_MAX = 100;

    private final Database db;
    private final AuditLog audit;
    private final Sessions sessions;
    private final FakeAccounts fakes;
    private final Logins logins;

    public AccountApi(Database db, AuditLog audit, Sessions sessions) {
        this.db = db;
        this.audit = audit;
        this.sessions = sessions;
        this.fakes = new FakeAccounts(ServerSecrets.load(db, "prelogin"));
        this.logins = new Logins(db, audit, fakes);
    }

    public void register(Routes routes) {
        routes.post("/api/v1/accounts/prelogin", Access.PUBLIC, this::prelogin)
                .post("/api/v1/accounts", Access.PUBLIC, this::createAccount)
                .post("/api/v1/login/start", Access.PUBLIC, this::loginStart)
                .post("/api/v1/login/finish", Access.PUBLIC, this::loginFinish)
                .post("/api/v1/logout", Access.AUTHENTICATED, this::logout)
                .get("/api/v1/sessions", Access.AUTHENTICATED, this::listSessions)
                .delete("/api/v1/sessions/{sessionId}", Access.AUTHENTICATED, this::revokeSession)
                .get("/api/v1/account", Access.AUTHENTICATED, this::ownAccount)
                .post("/api/v1/account/password", Access.AUTHENTICATED, this::changePassword)
                .post("/api/v1/account/delete", Access.AUTHENTICATED, this::deleteAccount)
                .get("/api/v1/directory/accounts", Access.AUTHENTICATED, this::directoryByEmail)
                .get(
                        "/api/v1/directory/accounts/{accountId}",
                        Access.AUTHENTICATED,
                        this::directoryById);
    }

    private void prelogin(Call call) {
        String email = Check.email(call.body(PreloginRequest.class).email());
        Account account = db.read(tx -> Account.byEmail(tx, email).orElse(null));
        call.ok(
                account != null
                        ? new PreloginResponse(account.kdf(), account.srpSalt())
                        : new PreloginResponse(fakes.kdf(email), fakes.srpSalt(email)));
    }

    private void createAccount(Call call) {
        RegisterRequest r = call.body(RegisterRequest.class);
        String email = Check.email(r.email());
        checkCredentials(r.kdf(), r.srpSalt(), r.srpVerifier(), r.wrappedAccountKey());
        Check.blob(r.encryptedPrivateKeys(), "encryptedPrivateKeys", 16, MAX_PRIVATE_KEYS);
        byte[] bundle = checkBundle(r.publicBundle(), r.accountId(), email);
        long now = System.currentTimeMillis();
        KdfParams kdf = r.kdf();
        try {
            db.write(
                    tx -> {
                        // A deleted account's id may still hold grants in team projections: a new
                        // account must never inherit them by reusing the id.
                        if (tx.queryOne(
                                        "SELECT 1 FROM team_members WHERE principal_id = ? UNION"
                                                + " SELECT 1 FROM vault_access WHERE principal_id"
                                                + " = ?",
                                        rs -> 1,
                                        r.accountId(),
                                        r.accountId())
                                .isPresent()) {
                            throw new ConflictException(
                                    ErrorCode.ALREADY_EXISTS,
                                    "an account with this id or email exists");
                        }
                        tx.update(
                                "INSERT INTO accounts ("
                                        + Account.COLUMNS
                                        + ", updated_at)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                r.accountId(),
                                email,
                                kdf.algorithm(),
                                orNullInt(kdf.memoryKib()),
                                kdf.iterations(),
                                orNullInt(kdf.parallelism()),
                                kdf.salt(),
                                r.srpSalt(),
                                r.srpVerifier(),
                                r.wrappedAccountKey(),
                                r.encryptedPrivateKeys(),
                                bundle,
                                now,
                                now);
                        tx.audit(
                                AuditEvent.of("account.register", call.actor())
                                        .target("account", r.accountId().toString())
                                        .build());
                        return null;
                    });
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(
                        ErrorCode.ALREADY_EXISTS, "an account with this id or email exists");
            }
            throw e;
        }
        call.created(db.read(tx -> Account.byId(tx, r.accountId()).orElseThrow()).toResponse());
    }

    private static Object orNullInt(Integer v) {
        return v == null ? dev.strongroom.server.db.Tx.Null.INTEGER : v;
    }

    private void loginStart(Call call) {
        call.ok(logins.start(call.body(LoginStartRequest.class).email(), call.address()));
    }

    private void loginFinish(Call call) {
        LoginFinishRequest r = call.body(LoginFinishRequest.class);
        String device = Check.label(r.deviceName(), "deviceName", DEVICE_NAME_MAX);
        Logins.Verified v = logins.verify(r.proof(), call.address(), null, "login");
        long now = System.currentTimeMillis();
        Sessions.Created created =
                db.write(
                        tx -> {
                            Logins.succeeded(tx, v.account().email());
                            Sessions.Created s = sessions.create(tx, v.account().id(), device, now);
                            tx.audit(
                                    AuditEvent.of(
                                                    "login",
                                                    dev.strongroom.server.audit.Actor.account(
                                                            v.account().id().toString(),
                                                            call.address()))
                                            .target("session", s.info().sessionId().toString())
                                            .build());
                            return s;
                        });
        call.ok(
                new LoginFinishResponse(
                        v.serverProofM2(),
                        created.token(),
                        created.info(),
                        v.account().toResponse()));
    }

    private void logout(Call call) {
        Principal p = call.principal();
        db.write(
                tx -> {
                    Sessions.revoke(tx, p.id(), p.sessionId(), System.currentTimeMillis());
                    tx.audit(
                            AuditEvent.of("logout", call.actor())
                                    .target("session", p.sessionId().toString())
                                    .build());
                    return null;
                });
        call.noContent();
    }

    private void listSessions(Call call) {
        Principal p = call.principal();
        call.ok(new SessionListResponse(sessions.list(p.id(), p.sessionId())));
    }

    private void revokeSession(Call call) {
        Principal p = call.principal();
        UUID sessionId = call.pathId("sessionId");
        boolean revoked =
                db.write(
                        tx -> {
                            boolean done =
                                    Sessions.revoke(
                                            tx, p.id(), sessionId, System.currentTimeMillis());
                            if (done) {
                                tx.audit(
                                        AuditEvent.of("session.revoke", call.actor())
                                                .target("session", sessionId.toString())
                                                .build());
                            }
                            return done;
                        });
        if (!revoked) {
            throw new NotFoundException("no such session");
        }
        call.noContent();
    }

    private void ownAccount(Call call) {
        Principal p = call.principal();
        call.ok(
                db.read(tx -> Account.byId(tx, p.id()))
                        .orElseThrow(() -> new NotFoundException("no such account"))
                        .toResponse());
    }

    private void changePassword(Call call) {
        Principal p = call.principal();
        ChangePasswordRequest r = call.body(ChangePasswordRequest.class);
        checkCredentials(r.kdf(), r.srpSalt(), r.srpVerifier(), r.wrappedAccountKey());
        Logins.Verified v =
                logins.verify(r.proof(), call.address(), p.id(), "account.password_change");
        long now = System.currentTimeMillis();
        KdfParams kdf = r.kdf();
        int revoked =
                db.write(
                        tx -> {
                            tx.update(
                                    "UPDATE accounts SET kdf_algorithm = ?, kdf_memory_kib = ?,"
                                            + " kdf_iterations = ?, kdf_parallelism = ?, kdf_salt"
                                            + " = ?, srp_salt = ?, srp_verifier = ?,"
                                            + " wrapped_account_key = ?, updated_at = ? WHERE id ="
                                            + " ?",
                                    kdf.algorithm(),
                                    orNullInt(kdf.memoryKib()),
                                    kdf.iterations(),
                                    orNullInt(kdf.parallelism()),
                                    kdf.salt(),
                                    r.srpSalt(),
                                    r.srpVerifier(),
                                    r.wrappedAccountKey(),
                                    now,
                                    p.id());
                            int n = Sessions.revokeOthers(tx, p.id(), p.sessionId(), now);
                            tx.update("DELETE FROM srp_challenges WHERE account_id = ?", p.id());
                            Logins.succeeded(tx, v.account().email());
                            tx.audit(
                                    AuditEvent.of("account.password_change", call.actor())
                                            .target("account", p.id().toString())
                                            .detail("revoked_sessions=" + n)
                                            .build());
                            return n;
                        });
        call.ok(new ChangePasswordResponse(v.serverProofM2(), revoked));
    }

    private void deleteAccount(Call call) {
        Principal p = call.principal();
        DeleteAccountRequest r = call.body(DeleteAccountRequest.class);
        logins.verify(r.proof(), call.address(), p.id(), "account.delete");
        db.write(
                tx -> {
                    tx.update("DELETE FROM accounts WHERE id = ?", p.id());
                    tx.audit(
                            AuditEvent.of("account.delete", call.actor())
                                    .target("account", p.id().toString())
                                    .build());
                    return null;
                });
        call.noContent();
    }

    private void directoryByEmail(Call call) {
        String raw = call.query("email");
        if (raw == null) {
            throw new BadRequestException(
                    ErrorCode.MISSING_FIELD, "query parameter 'email' is required");
        }
        String email = Check.email(raw);
        call.ok(
                db.read(tx -> Account.byEmail(tx, email))
                        .orElseThrow(() -> new NotFoundException("no account with this email"))
                        .toPublic());
    }

    private void directoryById(Call call) {
        UUID id = call.pathId("accountId");
        call.ok(
                db.read(tx -> Account.byId(tx, id))
                        .orElseThrow(() -> new NotFoundException("no such account"))
                        .toPublic());
    }

    /** KDF floors (crypto-core's parameter records), salt sizes, a usable SRP verifier. */
    /**
     * New credentials as registration and a password change accept them (KDF floors, sizes, a valid
     * SRP verifier); also used by forgotten-password recovery.
     */
    public static void checkCredentials(
            KdfParams kdf, byte[] srpSalt, byte[] verifier, byte[] wrappedAccountKey) {
        try {
            if (KdfParams.ARGON2ID.equals(kdf.algorithm())) {
                new Argon2idParams(kdf.memoryKib(), kdf.iterations(), kdf.parallelism());
            } else {
                new Pbkdf2Params(kdf.iterations());
            }
        } catch (CryptoException e) {
            throw new BadRequestException(
                    ErrorCode.KDF_PARAMETERS_REJECTED,
                    "KDF parameters are outside the accepted range");
        }
        Check.exactly(kdf.salt(), "kdf.salt", SALT_BYTES);
        Check.exactly(srpSalt, "srpSalt", SALT_BYTES);
        Check.exactly(verifier, "srpVerifier", Logins.GROUP.length());
        try {
            SrpServer.challenge(Logins.GROUP, verifier);
        } catch (CryptoException e) {
            throw new BadRequestException("srpVerifier is not a valid SRP verifier");
        }
        Check.blob(wrappedAccountKey, "wrappedAccountKey", 16, MAX_WRAPPED_ACCOUNT_KEY);
    }

    /** The bundle must be this account's (id and email); its keys and signature well formed. */
    private static byte[] checkBundle(PublicBundleJson b, UUID accountId, String email) {
        if (b.accountId() == null
                || !b.accountId().equals(accountId.toString())
                || b.email() == null
                || !b.email().equals(email)) {
            throw new BadRequestException(
                    "publicBundle must carry this account's id and normalised email");
        }
        Check.base64(b.encryptionKey(), "publicBundle.encryptionKey", 32);
        Check.base64(b.signingKey(), "publicBundle.signingKey", 32);
        Check.base64(b.signature(), "publicBundle.signature", 64);
        if (b.created() <= 0) {
            throw new BadRequestException("publicBundle.created must be a positive time");
        }
        try {
            return WireJson.mapper().writeValueAsBytes(b);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
