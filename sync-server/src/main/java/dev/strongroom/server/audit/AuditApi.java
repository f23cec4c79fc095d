package dev.strongroom.server.audit;

import dev.strongroom.model.wire.AuditEventView;
import dev.strongroom.model.wire.AuditEventsResponse;
import dev.strongroom.model.wire.AuditVerifyResponse;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * The audit log for team owners and admins: query their team's events with filters, export them as
 * JSON lines, and verify the whole chain. Members who are not admins, and outsiders, get 404.
 */
public final class AuditApi {

    static final int MAX_PAGE = 1000;

    private final Database db;
    private final AuditLog audit;

    public AuditApi(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public void register(Routes routes) {
        routes.get("/api/v1/teams/{teamId}/audit", Access.AUTHENTICATED, this::query)
                .get("/api/v1/teams/{teamId}/audit/export", Access.AUTHENTICATED, this::export)
                .get("/api/v1/teams/{teamId}/audit/verify", Access.AUTHENTICATED, this::verify);
    }

    private UUID requireAdmin(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        boolean admin =
                db.read(
                        tx ->
                                tx.queryOne(
                                                "SELECT 1 FROM team_members WHERE team_id = ? AND"
                                                        + " principal_id = ? AND role IN ('owner',"
                                                        + " 'admin')",
                                                rs -> 1,
                                                teamId,
                                                p.id())
                                        .isPresent());
        if (!admin) {
            throw new NotFoundException("no such team");
        }
        return teamId;
    }

    private AuditQuery filters(Call call, UUID teamId, int limit) {
        String actor = call.query("actor");
        String action = call.query("action");
        String target = call.query("target");
        for (String f : new String[] {actor, action, target}) {
            if (f != null) {
                Check.label(f, "filter", 200);
            }
        }
        Long after = call.queryLong("after");
        return new AuditQuery(
                teamId.toString(),
                actor,
                action,
                target,
                call.queryLong("from"),
                call.queryLong("to"),
                after == null ? 0 : after,
                limit);
    }

    private void query(Call call) {
        UUID teamId = requireAdmin(call);
        Long limitParam = call.queryLong("limit");
        int limit = (int) Math.max(1, Math.min(MAX_PAGE, limitParam == null ? 100 : limitParam));
        AuditQuery q = filters(call, teamId, limit + 1);
        List<ChainedEvent> events = audit.page(q);
        boolean more = events.size() > limit;
        if (more) {
            events = events.subList(0, limit);
        }
        long next = events.isEmpty() ? q.afterSeq() : events.get(events.size() - 1).seq();
        record("audit.query", call, teamId, events.size());
        call.ok(new AuditEventsResponse(events.stream().map(AuditApi::view).toList(), next, more));
    }

    /** JSON lines, one event per line, paged internally so memory stays bounded per page. */
    private void export(Call call) throws IOException {
        UUID teamId = requireAdmin(call);
        AuditQuery first = filters(call, teamId, MAX_PAGE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long after = first.afterSeq();
        int total = 0;
        while (true) {
            List<ChainedEvent> page =
                    audit.page(
                            new AuditQuery(
                                    first.teamId(),
                                    first.actorId(),
                                    first.action(),
                                    first.targetId(),
                                    first.fromTime(),
                                    first.toTime(),
                                    after,
                                    MAX_PAGE));
            for (ChainedEvent e : page) {
                try {
                    out.write(WireJson.mapper().writeValueAsBytes(view(e)));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                out.write('\n');
                after = e.seq();
            }
            total += page.size();
            if (page.size() < MAX_PAGE) {
                break;
            }
        }
        record("audit.export", call, teamId, total);
        call.context().contentType("application/x-ndjson").result(out.toByteArray());
    }

    private void verify(Call call) {
        UUID teamId = requireAdmin(call);
        AuditVerification v = audit.verify();
        record("audit.verify", call, teamId, (int) v.eventsChecked());
        call.ok(
                new AuditVerifyResponse(
                        v.ok(),
                        v.eventsChecked(),
                        v.lastVerifiedSeq(),
                        v.lastVerifiedHashHex(),
                        v.problem()));
    }

    private void record(String action, Call call, UUID teamId, int count) {
        audit.recordRead(
                AuditEvent.of(action, call.actor())
                        .team(teamId.toString())
                        .target("team", teamId.toString())
                        .detail("events=" + count)
                        .build());
    }

    static AuditEventView view(ChainedEvent e) {
        return new AuditEventView(
                e.seq(),
                e.at(),
                e.actorKind(),
                e.actorId(),
                e.address(),
                e.action(),
                e.teamId(),
                e.targetKind(),
                e.targetId(),
                e.result(),
                e.detail(),
                e.eventHash());
    }
}
