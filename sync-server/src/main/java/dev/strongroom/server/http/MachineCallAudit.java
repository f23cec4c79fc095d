package dev.strongroom.server.http;

/**
 * Records a machine account's request in the audit log when the endpoint did not record one of its
 * own (list, head, log reads...) or when it was refused, so that every machine request leaves a
 * trace under the machine's identity.
 */
@FunctionalInterface
public interface MachineCallAudit {
    void record(
            Principal machine, String address, String method, String path, ApiException refusal);
}
