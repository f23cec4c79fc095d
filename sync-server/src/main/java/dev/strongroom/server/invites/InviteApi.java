package dev.strongroom.server.invites;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.InviteAcceptRequest;
import dev.strongroom.model.wire.InviteCreateRequest;
import dev.strongroom.model.wire.InviteListResponse;
import dev.strongroom.model.wire.InviteView;
import dev.strongroom.server.audit.AuditEvent;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Pending team invites by one-time code. The server is only a mailbox here: it keeps the two HMAC
 * proofs the clients compute from a code it never sees, and what it says about them decides
 * nothing. Trust comes from the inviter's client checking the invitee's proof against the invitee's
 * directory bundle before it signs add_member; the membership log then carries the addition. Owners
 * and admins create, list and cancel; the invitee (matched by the email of the caller's account)
 * lists and accepts. An invite is accepted once, expires after {@link #LIFETIME}, and is consumed
 * when the verified log has added the invitee.
 */
public final class InviteApi {

    static final Duration LIFETIME = Duration.ofDays(7);
    static final int PROOF_BYTES = 32;
    private static final Set<String> ROLES = Set.of("admin", "member");

    private final Database db;

    public InviteApi(Database db) {
        this.db = db;
    }

    public void register(Routes routes) {
        routes.post("/api/v1/teams/{teamId}/invites", Access.AUTHENTICATED, this::create)
                .get("/api/v1/teams/{teamId}/invites", Access.AUTHENTICATED, this::listForTeam)
                .delete(
                        "/api/v1/teams/{teamId}/invites/{inviteId}",
                        Access.AUTHENTICATED,
                        this::cancel)
                .get("/api/v1/invites", Access.AUTHENTICATED, this::listMine)
                .post("/api/v1/invites/{inviteId}/accept", Access.AUTHENTICATED, this::accept);
    }

    private void create(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        InviteCreateRequest r = call.body(InviteCreateRequest.class);
        String email = Check.email(r.email());
        if (!ROLES.contains(r.role())) {
            throw new BadRequestException("role must be admin or member");
        }
        Check.exactly(r.inviterProof(), "inviterProof", PROOF_BYTES);
        long now = System.currentTimeMillis();
        try {
            InviteView created =
                    db.write(
                            tx -> {
                                requireAdmin(tx, teamId, p.id());
                                InviteStore.insert(
                                        tx,
                                        r.inviteId(),
                                        teamId,
                                        email,
                                        r.role(),
                                        p.id(),
                                        r.inviterProof(),
                                        now,
                                        now + LIFETIME.toMillis());
                                tx.audit(
                                        AuditEvent.of("invite.create", call.actor())
                                                .team(teamId.toString())
                                                .target("invite", r.inviteId().toString())
                                                .build());
                                return InviteStore.byId(tx, r.inviteId(), false).orElseThrow();
                            });
            call.created(created);
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(
                        ErrorCode.ALREADY_EXISTS, "an invite with this id exists");
            }
            throw e;
        }
    }

    private void listForTeam(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        long now = System.currentTimeMillis();
        call.ok(
                db.write(
                        tx -> {
                            requireAdmin(tx, teamId, p.id());
                            InviteStore.consumeJoined(tx, teamId, now);
                            return new InviteListResponse(InviteStore.byTeam(tx, teamId));
                        }));
    }

    private void cancel(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID inviteId = call.pathId("inviteId");
        long now = System.currentTimeMillis();
        db.write(
                tx -> {
                    requireAdmin(tx, teamId, p.id());
                    InviteView invite =
                            InviteStore.byId(tx, inviteId, true)
                                    .filter(i -> i.teamId().equals(teamId))
                                    .orElseThrow(() -> new NotFoundException("no such invite"));
                    if (!isOpen(invite)) {
                        throw new ConflictException(
                                ErrorCode.CONFLICT, "the invite is already " + invite.status());
                    }
                    InviteStore.setStatus(tx, inviteId, InviteStore.CANCELLED, now);
                    tx.audit(
                            AuditEvent.of("invite.cancel", call.actor())
                                    .team(teamId.toString())
                                    .target("invite", inviteId.toString())
                                    .build());
                    return null;
                });
        call.noContent();
    }

    private void listMine(Call call) {
        Principal p = call.principal();
        long now = System.currentTimeMillis();
        call.ok(
                db.read(
                        tx ->
                                new InviteListResponse(
                                        InviteStore.byEmail(tx, callerEmail(tx, p)).stream()
                                                .filter(i -> i.expiresAt() > now)
                                                .toList())));
    }

    private void accept(Call call) {
        Principal p = call.principal();
        UUID inviteId = call.pathId("inviteId");
        InviteAcceptRequest r = call.body(InviteAcceptRequest.class);
        Check.exactly(r.inviteeProof(), "inviteeProof", PROOF_BYTES);
        long now = System.currentTimeMillis();
        InviteView accepted =
                db.write(
                        tx -> {
                            String email = callerEmail(tx, p);
                            InviteView invite =
                                    InviteStore.byId(tx, inviteId, true)
                                            .filter(i -> i.email().equals(email))
                                            .orElseThrow(
                                                    () -> new NotFoundException("no such invite"));
                            if (!InviteStore.PENDING.equals(invite.status())) {
                                throw new ConflictException(
                                        ErrorCode.CONFLICT,
                                        "the invite is already " + invite.status());
                            }
                            if (invite.expiresAt() <= now) {
                                throw new ConflictException(
                                        ErrorCode.CONFLICT, "the invite has expired");
                            }
                            InviteStore.accept(tx, inviteId, p.id(), r.inviteeProof(), now);
                            tx.audit(
                                    AuditEvent.of("invite.accept", call.actor())
                                            .team(invite.teamId().toString())
                                            .target("invite", inviteId.toString())
                                            .build());
                            return InviteStore.byId(tx, inviteId, false).orElseThrow();
                        });
        call.ok(accepted);
    }

    private static boolean isOpen(InviteView invite) {
        return InviteStore.PENDING.equals(invite.status())
                || InviteStore.ACCEPTED.equals(invite.status());
    }

    /** 404 for non-members (as for the team itself), 403 for plain members. */
    private static void requireAdmin(Tx tx, UUID teamId, UUID caller) throws SQLException {
        String role =
                InviteStore.role(tx, teamId, caller)
                        .orElseThrow(() -> new NotFoundException("no such team"));
        if (!"owner".equals(role) && !"admin".equals(role)) {
            throw new ForbiddenException("only owners and admins manage invites");
        }
    }

    private static String callerEmail(Tx tx, Principal p) throws SQLException {
        if (!p.isAccount()) {
            throw new ForbiddenException("invites are for accounts");
        }
        return InviteStore.email(tx, p.id())
                .orElseThrow(() -> new NotFoundException("no such account"));
    }
}
