package dev.strongroom.client.cache;

import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.model.vault.VaultHead;

/**
 * The canonical bytes each piece of pinned state is authenticated over. Every encoding starts with
 * its own label and includes the profile (account and server) and the row's own ids, so a pin row
 * copied to another team, vault or cache file no longer verifies. Pinned by known-answer tests
 * (PinMacsTest): changing a layout invalidates every existing cache.
 */
final class PinMacs {

    private static final String LABEL = "strongroom/v1/cache/";

    private PinMacs() {}

    static byte[] meta(CacheProfile profile, int formatVersion, long createdAt) {
        return start("meta", profile).add(formatVersion).add(createdAt).toBytes();
    }

    static byte[] kdf(CacheProfile profile, KdfFields kdf) {
        return start("kdf-pin", profile)
                .add(kdf.algorithm())
                .add(kdf.memoryKiB())
                .add(kdf.iterations())
                .add(kdf.parallelism())
                .toBytes();
    }

    static byte[] team(CacheProfile profile, TeamPin pin) {
        return start("team-pin", profile)
                .add(pin.teamId())
                .add(pin.genesisHash())
                .add(pin.lastSeq())
                .add(pin.headHash())
                .toBytes();
    }

    static byte[] vaultHead(CacheProfile profile, VaultHeadPin pin) {
        VaultHead h = pin.head();
        return start("vault-head-pin", profile)
                .add(h.teamId())
                .add(h.vaultId())
                .add(h.counter())
                .add(h.keyVersion())
                .add(h.itemsDigest())
                .add(h.itemCount())
                .add(h.authorId())
                .add(h.logSeq())
                .add(pin.signature())
                .toBytes();
    }

    static byte[] pinStore(byte[] body) {
        return Canonical.of(LABEL + "pin-store").add(body).toBytes();
    }

    private static Canonical start(String kind, CacheProfile profile) {
        return Canonical.of(LABEL + kind).add(profile.accountId()).add(profile.serverUrl());
    }
}
