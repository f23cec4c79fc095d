package dev.strongroom.model.wire;

import java.util.List;

/** The team's recovery requests, newest first (at most 200). */
public record RecoveryRequestListResponse(List<RecoveryRequestView> requests) {}
