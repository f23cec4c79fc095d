package dev.strongroom.model.log;

import dev.strongroom.crypto.keys.PublicBundle;
import java.util.Set;

/** Adding, re-roling and removing members and machine accounts. */
final class MemberRules {

    private static final Set<String> VERIFICATION_METHODS = Set.of("fingerprint", "invite_code");

    private MemberRules() {}

    static void add(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.AddMember a) {
        if (a.role() == null || !author.role().canManage(a.role())) {
            ActionRules.deny(body, "the author's role cannot add this role");
        }
        if (!VERIFICATION_METHODS.contains(a.verifiedBy())) {
            ActionRules.deny(body, "a member's key must be verified out of band");
        }
        PublicBundle bundle = ActionRules.verifiedBundle(a.member());
        String id = bundle.accountId();
        if (state.members.containsKey(id) || state.machines.containsKey(id)) {
            ActionRules.deny(body, "already in the team");
        }
        NameRules.addMember(state, author, body, id, a.sealedName());
        state.members.put(id, new TeamState.Member(bundle, a.role()));
    }

    static void changeRole(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.ChangeRole c) {
        TeamState.Member target = state.members.get(c.memberId());
        if (target == null || c.role() == null) {
            ActionRules.deny(body, "no such member");
        }
        if (!author.role().canManage(target.role()) || !author.role().canManage(c.role())) {
            ActionRules.deny(body, "the author's role cannot make this change");
        }
        if (target.role() == Role.OWNER && c.role() != Role.OWNER && state.ownerCount() == 1) {
            ActionRules.deny(body, "the last owner cannot be demoted");
        }
        state.members.put(c.memberId(), new TeamState.Member(target.bundle(), c.role()));
    }

    static void remove(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.RemoveMember r) {
        TeamState.Member target = state.members.get(r.memberId());
        if (target == null) {
            ActionRules.deny(body, "no such member");
        }
        boolean leaving = r.memberId().equals(body.authorId());
        if (!leaving && !author.role().canManage(target.role())) {
            ActionRules.deny(body, "the author's role cannot remove this member");
        }
        if (target.role() == Role.OWNER && state.ownerCount() == 1) {
            ActionRules.deny(body, "the last owner cannot leave or be removed");
        }
        state.members.remove(r.memberId());
        NameRules.forget(state, r.memberId());
        VaultRules.dropGrantsOf(state, r.memberId());
    }

    static void addMachine(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.AddMachine m) {
        ActionRules.requireAdmin(author, body);
        PublicBundle bundle = ActionRules.verifiedBundle(m.machine());
        String id = bundle.accountId();
        if (state.members.containsKey(id) || state.machines.containsKey(id)) {
            ActionRules.deny(body, "already in the team");
        }
        state.machines.put(id, new TeamState.Machine(bundle, m.expiresAt()));
        NameRules.addMachine(state, author, body, id, m.sealedName());
    }

    static void removeMachine(
            TeamState state,
            TeamState.Member author,
            LogEntryBody body,
            LogAction.RemoveMachine m) {
        ActionRules.requireAdmin(author, body);
        if (state.machines.remove(m.machineId()) == null) {
            ActionRules.deny(body, "no such machine account");
        }
        NameRules.forget(state, m.machineId());
        VaultRules.dropGrantsOf(state, m.machineId());
    }
}
