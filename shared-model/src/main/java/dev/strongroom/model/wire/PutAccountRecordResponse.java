package dev.strongroom.model.wire;

/** The version a {@link PutAccountRecordRequest} stored. */
public record PutAccountRecordResponse(long version) {}
