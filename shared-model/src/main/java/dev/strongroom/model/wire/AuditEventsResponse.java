package dev.strongroom.model.wire;

import java.util.List;

/** A page of audit events in chain order; ask again with {@code after = nextAfter}. */
public record AuditEventsResponse(List<AuditEventView> events, long nextAfter, boolean hasMore) {}
