package dev.strongroom.model.wire;

import dev.strongroom.model.log.SignedLogEntry;
import java.util.List;

/** Log entries after a sequence number, in order; {@code headSeq} is the server's newest. */
public record LogEntriesResponse(List<SignedLogEntry> entries, long headSeq) {}
