package dev.strongroom.model.log;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.keys.PublicBundle;
import java.util.List;

/**
 * Verifies membership-log entries and folds them into {@link TeamState}. The server runs it before
 * accepting an entry; every client runs it again on everything it syncs, from its pinned position,
 * so a server that forges, reorders, forks or rewinds the log is caught. The rules on who may do
 * what are in {@link ActionRules}.
 */
public final class TeamLogVerifier {

    private TeamLogVerifier() {}

    /** Verifies a whole log from its genesis entry. */
    public static TeamState verifyFromGenesis(List<SignedLogEntry> entries) {
        if (entries.isEmpty()) {
            throw new LogVerificationException("empty_log", "a team log needs a genesis entry");
        }
        TeamState state = genesis(UnverifiedLogEntry.decode(entries.get(0)));
        for (SignedLogEntry entry : entries.subList(1, entries.size())) {
            apply(state, UnverifiedLogEntry.decode(entry));
        }
        return state;
    }

    /**
     * Extends a pinned state with newer entries, all or nothing: the pinned state is never
     * modified, and any bad entry rejects the whole batch.
     */
    public static TeamState extend(TeamState pinned, List<SignedLogEntry> newer) {
        TeamState state = pinned.copy();
        for (SignedLogEntry entry : newer) {
            apply(state, UnverifiedLogEntry.decode(entry));
        }
        return state;
    }

    /**
     * Verifies the genesis entry of a team being created now: it must use the current format
     * (sealed name), while {@link #verifyFromGenesis} still accepts old format 1 logs.
     */
    public static TeamState verifyNewTeam(SignedLogEntry genesis) {
        TeamState state = verifyFromGenesis(List.of(genesis));
        if (state.format != LogEntryBody.FORMAT) {
            throw new LogVerificationException(
                    "unsupported_format",
                    "a new team must use log format " + LogEntryBody.FORMAT + " (sealed name)");
        }
        return state;
    }

    static TeamState genesis(UnverifiedLogEntry entry) {
        LogEntryBody body = entry.allegedBody();
        NameRules.checkFormat(null, body);
        if (body.seq() != 0
                || !ConstantTime.equals(decode(body.prevHash()), LogEntries.genesisPrevHash())
                || !(body.action() instanceof LogAction.CreateTeam create)) {
            throw new LogVerificationException(
                    "bad_genesis", "the first entry must create the team at sequence 0");
        }
        PublicBundle founder = ActionRules.verifiedBundle(create.founder());
        if (!founder.accountId().equals(body.authorId())) {
            throw new LogVerificationException(
                    "bad_genesis", "the genesis entry must be signed by its founder");
        }
        checkSignature(entry, founder);
        TeamState state = new TeamState(body.teamId(), entry.hash());
        state.members.put(founder.accountId(), new TeamState.Member(founder, Role.OWNER));
        NameRules.genesis(state, body, create);
        return state;
    }

    /** Checks one entry against the state and applies it in place. */
    static void apply(TeamState state, UnverifiedLogEntry entry) {
        LogEntryBody body = entry.allegedBody();
        NameRules.checkFormat(state, body);
        if (!state.teamId.equals(body.teamId())) {
            throw new LogVerificationException(
                    "wrong_team", "entry " + body.seq() + " belongs to another team");
        }
        if (body.seq() != state.seq + 1) {
            throw new LogVerificationException(
                    "bad_sequence", "expected entry " + (state.seq + 1) + " but got " + body.seq());
        }
        if (!ConstantTime.equals(decode(body.prevHash()), state.headHash)) {
            throw new LogVerificationException(
                    "fork", "entry " + body.seq() + " does not follow the verified head");
        }
        TeamState.Member author = state.members.get(body.authorId());
        if (author == null) {
            throw new LogVerificationException(
                    "not_permitted", "entry " + body.seq() + " is by someone not in the team");
        }
        checkSignature(entry, author.bundle());
        ActionRules.apply(state, author, body);
        state.format = body.format();
        state.seq = body.seq();
        state.headHash = entry.hash();
    }

    private static void checkSignature(UnverifiedLogEntry entry, PublicBundle author) {
        byte[] message = LogEntries.signedMessage(entry.bodyBytes());
        if (!Ed25519.isValid(author.signingKey(), message, entry.signature())) {
            throw new LogVerificationException(
                    "bad_signature",
                    "entry " + entry.allegedBody().seq() + " is not signed by its author");
        }
    }

    static byte[] decode(String base64) {
        try {
            return Base64Url.decode(base64);
        } catch (CryptoException | NullPointerException e) {
            throw new LogVerificationException("malformed_entry", "a binary field is malformed");
        }
    }
}
