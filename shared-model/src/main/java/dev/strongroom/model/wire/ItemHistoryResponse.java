package dev.strongroom.model.wire;

import java.util.List;

/** The last revisions of an item, newest first. */
public record ItemHistoryResponse(List<ItemResponse> revisions) {}
