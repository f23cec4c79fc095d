package dev.strongroom.client.recovery;

import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.RecoveryAccountMaterial;
import dev.strongroom.model.wire.RecoveryApprovalView;
import dev.strongroom.model.wire.RecoveryDecisionSummary;
import dev.strongroom.model.wire.RecoveryReleaseResponse;
import dev.strongroom.model.wire.RecoveryRequestView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request side of break-glass recovery over the server: opening a request (its ephemeral key
 * stays sealed on this device), listing and deciding requests as an approver, combining the
 * released shares into exactly the scope, forgotten-password reset, and re-keying afterwards.
 * Everything the server returns is checked against this device's verified log first.
 */
public final class BreakGlass {

    private final RecoveryService service;
    private final SyncEngine engine;
    private final RequestKeys keys;
    private final String me;
    private final ReadAheads ahead;

    public BreakGlass(RecoveryService service, SyncEngine engine, Path stateDir) {
        this(service, engine, stateDir, new ReadAheads());
    }

    /** With the session's vaults read ahead, kept across the calls that build a BreakGlass each. */
    public BreakGlass(RecoveryService service, SyncEngine engine, Path stateDir, ReadAheads ahead) {
        this.ahead = ahead;
        this.service = service;
        this.engine = engine;
        this.keys = new RequestKeys(stateDir.resolve("recovery"), engine.session());
        this.me = engine.session().accountId().toString();
    }

    /** Opens a request; returns its id. */
    public String request(String teamId, RecoveryScope scope, String reason) {
        RecoveryLog log = service.log(teamId);
        try (OpenRequest r =
                RecoveryRequests.open(log, me, engine.session().identity(), scope, reason)) {
            keys.store(r.requestId(), r.ephemeral().privateKey());
            service.api().open(teamId, r.signed());
            return r.requestId();
        }
    }

    /** The team's requests still waiting for decisions (or for their delay), verified. */
    public List<PendingRequest> pending(String teamId) {
        RecoveryLog log = service.log(teamId);
        List<PendingRequest> out = new ArrayList<>();
        for (RecoveryRequestView v : service.api().requests(teamId, null)) {
            if (!RecoveryRequestView.PENDING.equals(v.status())
                    && !RecoveryRequestView.APPROVED.equals(v.status())) {
                continue;
            }
            VerifiedRecoveryRequest r = RecoveryRequests.verify(log, v.request());
            out.add(
                    new PendingRequest(
                            r.body().requestId(),
                            RecoveryService.email(log, r.body().requesterId()),
                            r.body().scope(),
                            r.body().reason(),
                            r.body().createdAt(),
                            v.notBefore(),
                            v.status(),
                            v.approvals(),
                            log.policy().threshold(),
                            myDecision(v)));
        }
        return out;
    }

    private String myDecision(RecoveryRequestView v) {
        if (v.decisions() == null) {
            return null;
        }
        return v.decisions().stream()
                .filter(d -> me.equals(d.deciderId()))
                .map(RecoveryDecisionSummary::decision)
                .findFirst()
                .orElse(null);
    }

    public void approve(String teamId, String requestId) {
        RecoveryLog log = service.log(teamId);
        SignedRecoveryMessage request = service.api().request(teamId, requestId).request();
        byte[] sealed = service.api().ownShare(teamId).sealedShare();
        service.api()
                .decide(
                        teamId,
                        requestId,
                        Approvals.approve(log, request, me, engine.session().identity(), sealed));
    }

    public void deny(String teamId, String requestId) {
        RecoveryLog log = service.log(teamId);
        SignedRecoveryMessage request = service.api().request(teamId, requestId).request();
        service.api()
                .decide(
                        teamId,
                        requestId,
                        Approvals.deny(log, request, me, engine.session().identity()));
    }

    public void veto(String teamId, String requestId) {
        RecoveryLog log = service.log(teamId);
        SignedRecoveryMessage request = service.api().request(teamId, requestId).request();
        service.api()
                .decide(
                        teamId,
                        requestId,
                        Approvals.veto(log, request, me, engine.session().identity()));
    }

    /**
     * Combines the released shares and opens exactly the request's vaults (a vault, or every vault
     * of the team): each released key version is checked against the log, and the items come from
     * this device's cache or, when this account holds no grant on the vault, from the server's
     * released-scope endpoint (no grant is added: see {@link VaultAccess}); of a vault read ahead
     * ({@link #readAhead}), only the items changed since are read.
     *
     * @return the opened vaults (the caller closes them)
     */
    public List<OpenedVault> combine(String teamId, String requestId) {
        RecoveryLog log = service.log(teamId);
        RecoveryReleaseResponse release = service.api().release(teamId, requestId);
        RecoveryScope scope = scopeOf(log, release, requestId);
        if (RecoveryScope.ACCOUNT.equals(scope.kind())) {
            throw new RecoveryException("an account request is completed with a new password");
        }
        log.withOldWraps(service.api().oldWraps(teamId));
        Map<String, PrefetchedVault> read = ahead.of(requestId);
        List<OpenedVault> out = new ArrayList<>();
        try (RecoveryKey key = combine(log, release, requestId)) {
            for (var wraps : release.vaults()) {
                out.add(
                        VaultAccess.open(
                                engine,
                                service.api(),
                                log,
                                key,
                                scope,
                                requestId,
                                wraps,
                                read.get(String.valueOf(wraps.vaultId()))));
            }
        } catch (RuntimeException e) {
            out.forEach(OpenedVault::close);
            throw e;
        }
        keys.delete(requestId);
        ahead.forget(requestId);
        return out;
    }

    /**
     * Reads and checks the request's vaults ahead of the release, once the server serves them (one
     * approval short of the threshold): every item's signature and each vault's signed head, so
     * that {@link #combine} has only the changes since to check when the last approval comes.
     * Vaults this account holds a grant on are opened from its cache and need no reading ahead.
     *
     * @return how many items were checked
     * @throws dev.strongroom.client.api.ConflictException while the server does not serve them yet
     * @throws RecoveryException if an item or a head does not verify
     */
    public int readAhead(String teamId, String requestId) {
        return readAhead(service.log(teamId), requestId);
    }

    private int readAhead(RecoveryLog log, String requestId) {
        String teamId = log.state().teamId();
        VerifiedRecoveryRequest r =
                RecoveryRequests.verify(log, service.api().request(teamId, requestId).request());
        if (!r.body().requesterId().equals(me)) {
            throw new RecoveryException("only the requester reads a request's vaults");
        }
        return ahead.read(service.api(), log, me, requestId, r.body().scope());
    }

    /**
     * Reads ahead each of {@code requests} (as {@link #pending} lists them) that this account
     * opened, that the server serves early (one approval short of the threshold) and that was not
     * read ahead yet; requests the server no longer serves early are left alone.
     *
     * @return how many requests were read ahead now
     * @throws RecoveryException if an item or a head served for one does not verify
     */
    public int readAheadServed(String teamId, List<PendingRequest> requests) {
        int read = 0;
        RecoveryLog log = null; // fetched and verified once, and only if a request needs it
        for (PendingRequest r : requests) {
            if (r.requesterEmail().equalsIgnoreCase(engine.session().email())
                    && r.approvals() >= Math.max(1, r.threshold() - 1)
                    && !ahead.has(r.requestId())) {
                if (log == null) {
                    log = service.log(teamId);
                }
                try {
                    readAhead(log, r.requestId());
                    read++;
                } catch (ConflictException ended) {
                    // decided, closed or re-keyed meanwhile: nothing is served before a release
                }
            }
        }
        return read;
    }

    /** Whether {@link #readAhead} ran for the request in this session. */
    public boolean wasReadAhead(String requestId) {
        return ahead.has(requestId);
    }

    /** Forgotten-password recovery: sets the member's new password, their items intact. */
    public void resetAccount(String teamId, String requestId, char[] newPassword, KdfParams kdf) {
        RecoveryLog log = service.log(teamId);
        RecoveryReleaseResponse release = service.api().release(teamId, requestId);
        RecoveryScope scope = scopeOf(log, release, requestId);
        RecoveryAccountMaterial account = release.account();
        if (account == null || !RecoveryScope.ACCOUNT.equals(scope.kind())) {
            throw new RecoveryException("the request's scope is not an account");
        }
        try (RecoveryKey key = combine(log, release, requestId)) {
            service.api()
                    .resetAccount(
                            teamId,
                            requestId,
                            AccountRecovery.reset(
                                    log,
                                    key,
                                    scope,
                                    requestId,
                                    account.wrappedAccountKey(),
                                    account.encryptedPrivateKeys(),
                                    newPassword,
                                    kdf));
        }
        keys.delete(requestId);
    }

    /**
     * After a recovery: rotates the vault keys that released requests of the current policy opened
     * (those this account can), then re-splits a new recovery key over {@code approverIds} (the
     * current approvers when null) and re-wraps every vault to it.
     */
    public RekeyReport rekey(String teamId, List<String> approverIds, Integer threshold) {
        return Rekey.run(service, engine, teamId, approverIds, threshold);
    }

    private static RecoveryScope scopeOf(
            RecoveryLog log, RecoveryReleaseResponse release, String requestId) {
        VerifiedRecoveryRequest r = RecoveryRequests.verify(log, release.request());
        if (!r.body().requestId().equals(requestId)) {
            throw new RecoveryException("the server released another request");
        }
        return r.body().scope();
    }

    private RecoveryKey combine(
            RecoveryLog log, RecoveryReleaseResponse release, String requestId) {
        List<Decision> decisions = new ArrayList<>();
        for (RecoveryApprovalView a : release.approvals()) {
            decisions.add(new Decision(a.decision(), a.sealedShare()));
        }
        try (X25519PrivateKey ephemeral = keys.load(requestId)) {
            return ShareCombiner.combine(log, release.request(), ephemeral, decisions);
        }
    }
}
