package dev.strongroom.client.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LocalCache#openOrRebuild} did when the cache could not be trusted: why, where the bad
 * files now are (kept for forensics, never deleted), and which trust state the fresh cache no
 * longer has. A front end must show it: {@link #reason()} {@code TAMPERED} and any {@link
 * TrustLoss#GENESIS_AND_KDF_PINS} are security warnings, not routine repairs.
 *
 * @param reason why the old cache was refused
 * @param movedAside the old cache file's new name ({@code <name>.corrupt-<UTC time>}), if there was
 *     one
 * @param pinFileMovedAside the old pin file's new name, if it also failed its check
 * @param lost trust state the fresh cache starts without, most serious first
 */
public record CacheRebuild(
        Reason reason,
        Optional<Path> movedAside,
        Optional<Path> pinFileMovedAside,
        List<TrustLoss> lost) {

    public CacheRebuild {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(movedAside, "movedAside");
        Objects.requireNonNull(pinFileMovedAside, "pinFileMovedAside");
        lost = List.copyOf(lost);
    }

    /** Why the old cache was refused. */
    public enum Reason {
        /** Not SQLite, truncated, fails SQLite's integrity check, wrong schema or profile. */
        CORRUPT,
        /** Pinned trust state or the pin file failed its HMAC: edited outside Strongroom. */
        TAMPERED
    }

    /** Trust state a rebuilt cache starts without, and what it means for the user. */
    public enum TrustLoss {
        /**
         * The pin file was unusable too: every team's genesis hash and the account's KDF pin are
         * gone, so the next sync trusts the genesis the server serves and the next login the KDF
         * parameters it offers (still above the floors) — trust on first use, again.
         */
        GENESIS_AND_KDF_PINS,
        /**
         * Last verified log positions and vault head pins: the next pull re-verifies every log from
         * genesis (against the kept genesis pins) but accepts the newest heads the server serves
         * without comparing them to older ones, so a rollback to before the rebuild is not detected
         * this once.
         */
        LOG_POSITIONS_AND_VAULT_HEADS,
        /** Queued offline writes and unresolved conflicts in the old file are not carried over. */
        QUEUED_WRITES
    }

    /** True if the user should see this as a security warning rather than a repair notice. */
    public boolean securityRelevant() {
        return reason == Reason.TAMPERED || lost.contains(TrustLoss.GENESIS_AND_KDF_PINS);
    }
}
