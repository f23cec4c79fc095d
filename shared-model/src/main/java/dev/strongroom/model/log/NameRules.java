package dev.strongroom.model.log;

import dev.strongroom.crypto.hpke.HpkeSealed;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules for team names and log formats. A format 1 genesis names the team in clear and its
 * entries carry no seals; a format 2 genesis carries only the founder's seal, every later
 * add_member one for the new member at the current name version, and rename_team one per current
 * member at the next version. An entry may never use a lower format than the entry before it. The
 * verifier (server and clients) checks the seals' shape and coverage; only each recipient can check
 * that its seal opens ({@link TeamState#name}).
 */
final class NameRules {

    private NameRules() {}

    static void checkFormat(TeamState state, LogEntryBody body) {
        int format = body.format();
        if (format != LogEntryBody.FORMAT_CLEAR_NAME && format != LogEntryBody.FORMAT) {
            throw new LogVerificationException(
                    "unsupported_format",
                    "log entry format " + format + " is not supported (supported: 1, 2)");
        }
        if (state != null && format < state.format) {
            throw new LogVerificationException(
                    "unsupported_format",
                    "entry " + body.seq() + " goes back to log format " + format);
        }
    }

    static void genesis(TeamState state, LogEntryBody body, LogAction.CreateTeam create) {
        state.format = body.format();
        if (body.format() == LogEntryBody.FORMAT_CLEAR_NAME) {
            if (create.name() == null || create.sealedName() != null) {
                throw badGenesis("a format 1 genesis names the team in clear");
            }
            state.clearName = create.name();
            return;
        }
        if (create.name() != null || !wellFormed(create.sealedName())) {
            throw badGenesis("a format 2 genesis carries only the founder's sealed name");
        }
        state.namesSealed = true;
        state.nameVersion = 1;
        TeamState.Member founder = state.members.get(body.authorId());
        state.nameSeals.put(
                body.authorId(), new TeamState.NameSeal(1, founder.bundle(), create.sealedName()));
    }

    static void addMember(
            TeamState state,
            TeamState.Member author,
            LogEntryBody body,
            String memberId,
            String sealedName) {
        if (!state.namesSealed) {
            if (sealedName != null) {
                ActionRules.deny(body, "this team's name is not sealed");
            }
            return;
        }
        if (!wellFormed(sealedName)) {
            ActionRules.deny(body, "a new member needs the team's name sealed to them");
        }
        state.nameSeals.put(
                memberId, new TeamState.NameSeal(state.nameVersion, author.bundle(), sealedName));
    }

    /**
     * A machine's seal is optional (a machine without one knows the team by id), but when given it
     * must be well formed and the team's name sealed; renames then seal to it as to a member.
     */
    static void addMachine(
            TeamState state,
            TeamState.Member author,
            LogEntryBody body,
            String machineId,
            String sealedName) {
        if (sealedName != null) {
            addMember(state, author, body, machineId, sealedName);
        }
    }

    static void rename(
            TeamState state, TeamState.Member author, LogEntryBody body, LogAction.RenameTeam r) {
        ActionRules.requireAdmin(author, body);
        if (!state.namesSealed) {
            ActionRules.deny(body, "only a team with a sealed name can be renamed");
        }
        if (r.nameVersion() != state.nameVersion + 1) {
            ActionRules.deny(body, "the name version must be " + (state.nameVersion + 1));
        }
        Map<String, String> seals = r.sealedNames();
        java.util.Set<String> allowed = new java.util.HashSet<>(state.members.keySet());
        allowed.addAll(state.machines.keySet());
        if (seals == null
                || !seals.keySet().containsAll(state.members.keySet())
                || !allowed.containsAll(seals.keySet())) {
            ActionRules.deny(
                    body,
                    "a rename must seal the name to exactly the current members (and may to"
                            + " machine accounts)");
        }
        Map<String, TeamState.NameSeal> next = new HashMap<>();
        for (Map.Entry<String, String> s : seals.entrySet()) {
            if (!wellFormed(s.getValue())) {
                ActionRules.deny(body, "a sealed name is malformed");
            }
            next.put(
                    s.getKey(),
                    new TeamState.NameSeal(r.nameVersion(), author.bundle(), s.getValue()));
        }
        state.nameVersion = r.nameVersion();
        state.nameSeals.clear();
        state.nameSeals.putAll(next);
    }

    static void forget(TeamState state, String principalId) {
        state.nameSeals.remove(principalId);
    }

    private static boolean wellFormed(String sealed) {
        if (sealed == null) {
            return false;
        }
        int n = TeamLogVerifier.decode(sealed).length;
        return n > HpkeSealed.MIN_LENGTH && n <= TeamNames.MAX_SEALED;
    }

    private static LogVerificationException badGenesis(String why) {
        return new LogVerificationException("bad_genesis", why);
    }
}
