package dev.strongroom.model.wire;

/** The caller's own wrap of a vault key version. */
public record VaultKeyWrap(int keyVersion, byte[] wrap) {}
