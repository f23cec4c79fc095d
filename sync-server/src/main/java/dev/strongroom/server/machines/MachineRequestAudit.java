package dev.strongroom.server.machines;

import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.http.ApiException;
import dev.strongroom.server.http.MachineCallAudit;
import dev.strongroom.server.http.Principal;

/**
 * Audits a machine's request that its endpoint did not audit itself, and every refused one, as
 * {@code machine.request} with the route (not the concrete ids, which the target names) and the
 * outcome, under the machine's identity and team.
 */
public final class MachineRequestAudit implements MachineCallAudit {

    private final AuditLog audit;

    public MachineRequestAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void record(
            Principal machine, String address, String method, String path, ApiException refusal) {
        AuditEvent.Builder e =
                AuditEvent.of("machine.request", machine.actor(address))
                        .team(machine.teamId().toString())
                        .target("machine", machine.id().toString());
        String route = method + " " + path;
        if (refusal == null) {
            audit.recordRead(e.detail(route).build()); // the endpoint's own writes are durable
        } else {
            audit.record(e.denied(route + " " + refusal.code().code()).build());
        }
    }
}
