package dev.strongroom.client.team;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.TeamJoins;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Emails;
import dev.strongroom.model.wire.InviteCreateRequest;
import dev.strongroom.model.wire.InviteView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invites by one-time code, in three steps on two clients (docs/CRYPTO.md, "Invite codes"): the
 * inviter posts a proof over its own bundle and keeps the invite key; the invitee, given the code,
 * finds the invite whose inviter proof verifies, pins the inviter and posts its own proof; the
 * inviter checks that proof against the invitee's directory bundle and only then signs add_member
 * (verified by invite_code). A proof that fails stops everything.
 */
final class InviteFlow {

    private final UnlockedSession session;
    private final InviteMailbox mailbox;
    private final Directory directory;
    private final KeyPins pins;
    private final TrustStore store;
    private final LogWriter log;
    private final TeamJoins joins;
    private final NameSeals names;

    InviteFlow(
            UnlockedSession session,
            Directory directory,
            KeyPins pins,
            TrustStore store,
            LogWriter log,
            TeamJoins joins,
            NameSeals names) {
        this.session = session;
        this.mailbox = new InviteMailbox(session);
        this.directory = directory;
        this.pins = pins;
        this.store = store;
        this.log = log;
        this.joins = joins;
        this.names = names;
    }

    PendingInvite create(String teamId, String email, Role role) {
        String invitee = Emails.normalize(email);
        String inviteId = UUID.randomUUID().toString();
        try (InviteCode code = InviteCode.generate()) {
            byte[] key = code.inviteKey(teamId, inviteId);
            try {
                byte[] proof =
                        InviteCode.inviterProof(
                                key,
                                teamId,
                                inviteId,
                                invitee,
                                role.wireName(),
                                session.publicBundle());
                store.rememberInvite(inviteId, teamId, invitee, role.wireName(), key);
                mailbox.create(
                        teamId,
                        new InviteCreateRequest(
                                UUID.fromString(inviteId), invitee, role.wireName(), proof));
            } finally {
                Bytes.wipe(key);
            }
            return new PendingInvite(inviteId, teamId, invitee, code.display());
        }
    }

    /** The invitee's step; returns the team id. */
    String accept(char[] typedCode) {
        try (InviteCode code = InviteCode.parse(typedCode)) {
            for (InviteView v : mailbox.mine()) {
                if (!"pending".equals(v.status()) || v.inviterProof() == null) {
                    continue;
                }
                String teamId = v.teamId().toString();
                String inviteId = v.inviteId().toString();
                byte[] key = code.inviteKey(teamId, inviteId);
                try {
                    PublicBundle inviter = directory.byId(v.inviterId().toString());
                    if (!InviteCode.verifyInviterProof(
                            key,
                            teamId,
                            inviteId,
                            session.email(),
                            v.role(),
                            inviter,
                            v.inviterProof())) {
                        continue;
                    }
                    pins.checkAgainstPin(inviter);
                    pins.pin(inviter, KeyPins.BY_INVITE_CODE);
                    mailbox.accept(
                            v.inviteId(),
                            InviteCode.inviteeProof(
                                    key, teamId, inviteId, inviter, session.publicBundle()));
                    // the team is synced once the add_member for us is signed by this inviter
                    joins.acceptedInvite(teamId, inviter);
                    return teamId;
                } finally {
                    Bytes.wipe(key);
                }
            }
        }
        throw new InviteRejectedException(
                "the code matches no open invite for " + session.email() + "; nothing was sent");
    }

    /** The inviter's last step for every accepted invite of the team; returns ids added. */
    List<String> complete(String teamId) {
        List<String> added = new ArrayList<>();
        for (InviteView v : mailbox.forTeam(teamId)) {
            String inviteId = v.inviteId().toString();
            if (!"accepted".equals(v.status()) || v.inviteeId() == null) {
                continue;
            }
            Optional<byte[]> key = store.inviteKey(inviteId);
            if (key.isEmpty()) {
                continue; // another admin's invite, or made on another device
            }
            TrustStore.PendingKey pending = store.invites().get(inviteId);
            try {
                PublicBundle invitee = directory.byId(v.inviteeId().toString());
                boolean ok =
                        invitee.email().equals(pending.email())
                                && v.inviteeProof() != null
                                && InviteCode.verifyInviteeProof(
                                        key.get(),
                                        teamId,
                                        inviteId,
                                        session.publicBundle(),
                                        invitee,
                                        v.inviteeProof());
                if (!ok) {
                    mailbox.cancel(teamId, v.inviteId());
                    store.forgetInvite(inviteId);
                    throw new SecurityAlert(
                            SecurityAlertCode.KEY_SUBSTITUTION,
                            "the invitee's proof for "
                                    + pending.email()
                                    + " does not verify; the invite was cancelled");
                }
                pins.checkAgainstPin(invitee);
                TeamState state = log.fresh(teamId);
                log.append(
                        state,
                        new LogAction.AddMember(
                                PublicBundleJson.of(invitee),
                                Role.valueOf(pending.role().toUpperCase(java.util.Locale.ROOT)),
                                KeyPins.BY_INVITE_CODE,
                                names.forNewMember(state, invitee)));
                pins.pin(invitee, KeyPins.BY_INVITE_CODE);
                store.forgetInvite(inviteId);
                added.add(invitee.accountId());
            } finally {
                Bytes.wipe(key.get());
            }
        }
        return added;
    }
}
