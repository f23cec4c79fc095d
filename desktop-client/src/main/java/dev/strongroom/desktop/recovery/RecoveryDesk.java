package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.client.recovery.RecoveryException;
import dev.strongroom.client.recovery.RecoveryStatus;
import dev.strongroom.client.recovery.RekeyReport;
import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.client.team.TeamMember;
import dev.strongroom.client.team.UnverifiedKeyException;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the break-glass screens ask of client-core, in the shapes they show. Worker thread only
 * (every call may pull the team's log or talk to the server); all checks are client-core's.
 */
final class RecoveryDesk {

    /** A member who could hold a share: only keys verified on this device may be approvers. */
    record Candidate(String accountId, String email, boolean verified) {}

    private final OpenAccount account;

    RecoveryDesk(OpenAccount account) {
        this.account = account;
    }

    String email() {
        return account.email();
    }

    List<TeamInfo> teams() {
        return account.teams().teams();
    }

    /** The team's policy, or empty when it has none yet. */
    Optional<RecoveryStatus> status(String teamId) {
        try {
            return Optional.of(account.recovery().status(teamId));
        } catch (RecoveryException e) {
            return Optional.empty();
        }
    }

    List<Candidate> candidates(String teamId) {
        List<Candidate> out = new ArrayList<>();
        for (TeamMember m : account.teams().members(teamId)) {
            out.add(new Candidate(m.accountId(), m.email(), verified(teamId, m.accountId())));
        }
        return out;
    }

    private boolean verified(String teamId, String memberId) {
        try {
            account.teams().verifiedMember(teamId, memberId);
            return true;
        } catch (UnverifiedKeyException | IllegalArgumentException e) {
            return false;
        }
    }

    int setup(
            String teamId, List<String> approverIds, int threshold, int delayHours, boolean veto) {
        return account.recovery().setup(teamId, approverIds, threshold, delayHours, veto);
    }

    /**
     * After a use of the recovery key: rotates the vault keys it opened and re-splits a new key
     * over {@code approverIds} with threshold {@code m} (delay and veto stay as they are).
     */
    RekeyReport rekey(String teamId, List<String> approverIds, int m) {
        return account.breakGlass().rekey(teamId, approverIds, m);
    }

    /** Every team's open requests, verified; teams without a policy have none. */
    List<Waiting> inbox() {
        List<Waiting> out = new ArrayList<>();
        for (TeamInfo team : teams()) {
            Optional<RecoveryStatus> status = status(team.teamId());
            if (status.isEmpty()) {
                continue;
            }
            boolean approver = status.get().approverEmails().contains(account.email());
            boolean veto = status.get().ownerVeto() && team.myRole() == Role.OWNER;
            for (PendingRequest r : account.breakGlass().pending(team.teamId())) {
                boolean mine = r.requesterEmail().equals(account.email());
                out.add(
                        new Waiting(
                                team.teamId(), team.name(), r, approver && !mine, veto && !mine));
            }
        }
        return out;
    }

    void approve(String teamId, String requestId) {
        account.breakGlass().approve(teamId, requestId);
    }

    void deny(String teamId, String requestId) {
        account.breakGlass().deny(teamId, requestId);
    }

    void veto(String teamId, String requestId) {
        account.breakGlass().veto(teamId, requestId);
    }

    String request(String teamId, RecoveryScope scope, String reason) {
        return account.breakGlass().request(teamId, scope, reason);
    }

    /**
     * Requests this account opened that are still open (for the combine step). Those one approval
     * short of release have their vaults read and checked ahead here (client-core keeps them for
     * the session), so the combine after the last approval has only the changes to check.
     */
    List<PendingRequest> mine(String teamId) {
        List<PendingRequest> mine =
                account.breakGlass().pending(teamId).stream()
                        .filter(r -> r.requesterEmail().equals(account.email()))
                        .toList();
        account.breakGlass().readAheadServed(teamId, mine);
        return mine;
    }

    /** Whether the request's vaults were read and checked ahead of the release. */
    boolean wasReadAhead(String requestId) {
        return account.breakGlass().wasReadAhead(requestId);
    }

    /**
     * Combines the released shares and opens the request's vaults; the caller owns the plaintext
     * and closes it. client-core never grants the vaults to a requester who lacked access (that
     * would outlive the re-key), so the items are shown from here, not added to the item list.
     */
    OpenedItems combine(String teamId, String requestId) {
        return OpenedItems.of(account.breakGlass().combine(teamId, requestId), this::vaultName);
    }

    /**
     * Pulls the team's log after a combine. Separate from it: the request's key is gone once the
     * shares were combined, so a failed sync must not cost the items already opened.
     */
    void sync() {
        account.sync();
    }

    private String vaultName(String vaultId) {
        return account.vaults().listVaults().stream()
                .filter(v -> v.vaultId().equals(vaultId))
                .map(VaultInfo::name)
                .findFirst()
                .orElse(unnamed(vaultId));
    }

    /** This approver's share as SLIP-39 words (the caller wipes the array). */
    char[] exportShare(String teamId) {
        return account.recovery().exportShare(teamId);
    }

    /**
     * Vault ids and names of a team, for the request wizard's scope: every vault the verified log
     * grants to a member, since the vault to recover is usually one this account cannot open. A
     * vault's name is sealed under its key, so one this account does not hold shows by its id.
     */
    List<String[]> vaults(String teamId) {
        Map<String, String> named = new LinkedHashMap<>();
        account.vaults().listVaults().stream()
                .filter(v -> teamId.equals(v.teamId()))
                .forEach(v -> named.put(v.vaultId(), v.name()));
        for (TeamMember m : account.teams().members(teamId)) {
            m.vaults().keySet().forEach(id -> named.putIfAbsent(id, unnamed(id)));
        }
        List<String[]> out = new ArrayList<>();
        named.forEach((id, name) -> out.add(new String[] {id, name}));
        return out;
    }

    static String unnamed(String vaultId) {
        return "vault " + vaultId.substring(0, Math.min(8, vaultId.length())) + "… (not yours)";
    }
}
