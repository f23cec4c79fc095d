package dev.strongroom.client.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link LocalCache#openOrRebuild}: the open cache, and what was rebuilt if the old
 * one could not be trusted. After a rebuild the caller must run a full pull before showing
 * anything, and show {@link #rebuild()} to the user.
 */
public record CacheOpening(LocalCache cache, Optional<CacheRebuild> rebuild) {

    public CacheOpening {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(rebuild, "rebuild");
    }

    public boolean rebuilt() {
        return rebuild.isPresent();
    }
}
