package dev.strongroom.server.recovery;

import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryVerificationException;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.Ids;
import dev.strongroom.model.wire.RecoverySealedShare;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.http.ApiException;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.Endpoint;
import dev.strongroom.server.http.ForbiddenException;
import dev.strongroom.server.http.NotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Checks the recovery endpoints share: membership in the verified log (404 for outsiders, as for
 * the team itself), the sealed share set against the signed policy's digests, the mapping of
 * shared-model verifier refusals to HTTP answers, and auditing of refused calls.
 */
final class RecoveryChecks {

    /** Sealed shares and wraps are HPKE ciphertexts of a few dozen bytes; this is generous. */
    static final int MAX_SEALED = 4096;

    private RecoveryChecks() {}

    static TeamState.Member member(TeamState state, UUID caller) {
        TeamState.Member m = state.members().get(caller.toString());
        if (m == null) {
            throw new NotFoundException("no such team");
        }
        return m;
    }

    static LogAction.SetRecoveryPolicy policy(TeamState state) {
        return state.recoveryPolicy()
                .map(TeamState.RecoveryPolicy::entry)
                .orElseThrow(
                        () ->
                                new ConflictException(
                                        ErrorCode.CONFLICT, "the team has no recovery policy"));
    }

    /**
     * Exactly one share per approver the signed policy names, each hashing (SHA-256) to the digest
     * the entry gives for that approver, so the server can neither drop nor substitute one.
     */
    static void requireShares(List<RecoverySealedShare> shares, LogAction.SetRecoveryPolicy p) {
        if (p.approverIds() == null || p.shareDigests() == null) {
            throw new BadRequestException("the policy entry names no approvers");
        }
        Set<String> seen = new HashSet<>();
        for (RecoverySealedShare s : shares) {
            if (s == null || !seen.add(s.approverId())) {
                throw new BadRequestException("one sealed share per approver");
            }
            Check.blob(s.sealedShare(), "sealedShare", 1, MAX_SEALED);
            String digest = p.shareDigests().get(s.approverId());
            if (digest == null) {
                throw new BadRequestException("a share is for someone who is not an approver");
            }
            requireDigest(s.sealedShare(), digest, "a sealed share");
        }
        if (!seen.equals(new HashSet<>(p.approverIds()))) {
            throw new BadRequestException("a sealed share is needed for every approver");
        }
    }

    /** SHA-256 of {@code blob} must be the base64url digest a signed message names. */
    static void requireDigest(byte[] blob, String digest, String what) {
        byte[] expected;
        try {
            expected = Base64Url.decode(digest);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("a digest is not base64url");
        }
        if (!ConstantTime.equals(Sha256.hash(blob), expected)) {
            throw new BadRequestException(what + " does not match the digest that was signed");
        }
    }

    /** Runs a shared-model verifier, answering its refusals as 400, 403 or 409. */
    static <T> T verified(Supplier<T> check) {
        try {
            return check.get();
        } catch (RecoveryVerificationException e) {
            String message = e.getMessage() + " (" + e.code() + ")";
            switch (e.code()) {
                case "not_member", "not_approver", "not_permitted", "self_approval" ->
                        throw new ForbiddenException(message);
                case "stale_policy", "no_policy" ->
                        throw new ConflictException(ErrorCode.CONFLICT, message);
                case "duplicate_decision" ->
                        throw new ConflictException(ErrorCode.ALREADY_EXISTS, message);
                default -> throw new BadRequestException(message);
            }
        }
    }

    /** Wraps an endpoint so that every refusal is in the audit log, with its code, as denied. */
    static Endpoint audited(AuditLog audit, String action, Endpoint inner) {
        return call -> {
            try {
                inner.handle(call);
            } catch (ApiException e) {
                String team = call.context().pathParamMap().get("teamId");
                audit.record(
                        AuditEvent.of(action, call.actor())
                                .team(team != null && Ids.isValid(team) ? team : null)
                                .denied(e.code().code())
                                .build());
                throw e;
            }
        };
    }
}
