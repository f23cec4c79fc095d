package dev.strongroom.client.api;

import dev.strongroom.model.wire.AccountResponse;
import dev.strongroom.model.wire.ChangePasswordRequest;
import dev.strongroom.model.wire.ChangePasswordResponse;
import dev.strongroom.model.wire.DeleteAccountRequest;
import dev.strongroom.model.wire.HealthResponse;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginFinishResponse;
import dev.strongroom.model.wire.LoginStartRequest;
import dev.strongroom.model.wire.LoginStartResponse;
import dev.strongroom.model.wire.PreloginRequest;
import dev.strongroom.model.wire.PreloginResponse;
import dev.strongroom.model.wire.PublicAccountResponse;
import dev.strongroom.model.wire.RegisterRequest;
import dev.strongroom.model.wire.SessionInfo;
import dev.strongroom.model.wire.SessionListResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The sync server's account endpoints, typed with the shared wire DTOs. Each method is one HTTP
 * call; failures are the exceptions of {@link ApiTransport}. This class only moves documents: it
 * checks their shape, not their meaning (SRP proofs, KDF floors, signatures and keys are checked by
 * {@code dev.strongroom.client.account.AccountService}).
 */
public final class ServerApi {

    private final ApiTransport transport;

    private ServerApi(ApiTransport transport) {
        this.transport = transport;
    }

    /** A client for the server with default timeouts and reply cap. */
    public static ServerApi connect(ServerEndpoint endpoint) {
        return new ServerApi(ApiTransport.connect(endpoint));
    }

    public static ServerApi connect(ServerEndpoint endpoint, ApiTransport.Options options) {
        return new ServerApi(ApiTransport.connect(endpoint, options));
    }

    /** The shared transport, for the project's other typed clients (vaults, items, sync). */
    public ApiTransport transport() {
        return transport;
    }

    public ServerEndpoint endpoint() {
        return transport.endpoint();
    }

    /** {@code GET /api/v1/health}. */
    public HealthResponse health() {
        return transport.get("/api/v1/health", null, HealthResponse.class);
    }

    /** {@code POST /api/v1/accounts/prelogin}: KDF parameters and SRP salt (untrusted). */
    public PreloginResponse prelogin(String email) {
        return transport.post(
                "/api/v1/accounts/prelogin",
                null,
                new PreloginRequest(email),
                200,
                PreloginResponse.class);
    }

    /** {@code POST /api/v1/accounts}: creates an account (201). */
    public AccountResponse register(RegisterRequest request) {
        return transport.post("/api/v1/accounts", null, request, 201, AccountResponse.class);
    }

    /** {@code POST /api/v1/login/start}: SRP step one (also before a re-authentication). */
    public LoginStartResponse loginStart(String email) {
        return transport.post(
                "/api/v1/login/start",
                null,
                new LoginStartRequest(email),
                200,
                LoginStartResponse.class);
    }

    /** {@code POST /api/v1/login/finish}: SRP step two; the M2 inside must still be checked. */
    public LoginFinishResponse loginFinish(LoginFinishRequest request) {
        return transport.post(
                "/api/v1/login/finish", null, request, 200, LoginFinishResponse.class);
    }

    /** {@code POST /api/v1/logout}: ends this session on the server. */
    public void logout(BearerToken token) {
        transport.postNoContent("/api/v1/logout", Objects.requireNonNull(token), null);
    }

    /** {@code GET /api/v1/sessions}: the account's live sessions. */
    public List<SessionInfo> sessions(BearerToken token) {
        return List.copyOf(
                transport
                        .get(
                                "/api/v1/sessions",
                                Objects.requireNonNull(token),
                                SessionListResponse.class)
                        .sessions());
    }

    /** {@code DELETE /api/v1/sessions/{id}}: revokes one of the account's sessions. */
    public void revokeSession(BearerToken token, UUID sessionId) {
        transport.deleteNoContent("/api/v1/sessions/" + sessionId, Objects.requireNonNull(token));
    }

    /** {@code GET /api/v1/account}: the caller's own account (wrapped keys, bundle). */
    public AccountResponse account(BearerToken token) {
        return transport.get(
                "/api/v1/account", Objects.requireNonNull(token), AccountResponse.class);
    }

    /** {@code POST /api/v1/account/password}: new verifier and re-wrapped account key. */
    public ChangePasswordResponse changePassword(BearerToken token, ChangePasswordRequest request) {
        return transport.post(
                "/api/v1/account/password",
                Objects.requireNonNull(token),
                request,
                200,
                ChangePasswordResponse.class);
    }

    /** {@code POST /api/v1/account/delete}: deletes the account (needs a fresh SRP proof). */
    public void deleteAccount(BearerToken token, DeleteAccountRequest request) {
        transport.postNoContent("/api/v1/account/delete", Objects.requireNonNull(token), request);
    }

    /** {@code GET /api/v1/directory/accounts?email=}: an account's alleged public bundle. */
    public PublicAccountResponse directoryByEmail(BearerToken token, String email) {
        return transport.get(
                "/api/v1/directory/accounts?email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8),
                Objects.requireNonNull(token),
                PublicAccountResponse.class);
    }

    /** {@code GET /api/v1/directory/accounts/{id}}: an account's alleged public bundle. */
    public PublicAccountResponse directoryById(BearerToken token, UUID accountId) {
        return transport.get(
                "/api/v1/directory/accounts/" + accountId,
                Objects.requireNonNull(token),
                PublicAccountResponse.class);
    }

    @Override
    public String toString() {
        return "ServerApi[" + transport.endpoint() + "]";
    }
}
