package dev.strongroom.model.wire;

/** The log head after an accepted entry. */
public record AppendLogResponse(long seq, byte[] headHash) {}
