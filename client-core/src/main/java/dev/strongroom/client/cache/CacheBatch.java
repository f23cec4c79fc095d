package dev.strongroom.client.cache;

import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.UnverifiedLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one verified sync response (or one push result) changes, applied by {@link
 * LocalCache#apply} in a single transaction: all of it or none of it. Build it only from data the
 * sync engine has verified; the cache adds its own checks (pins move forward, stored entries and
 * revisions are never rewritten) but does not re-verify signatures.
 *
 * <p>Parts are applied in a fixed order whatever order they were added in: KDF pin, team pins, log
 * entries, vaults, key wraps, items, history, vault heads, cursors, completed writes, conflicts,
 * removed vaults.
 */
public final class CacheBatch {

    /** A log entry with the team and sequence read from its own body. */
    record LogRow(String teamId, long seq, byte[] body, byte[] signature) {}

    /** Moves a queued write to the conflicts, next to the server's version. */
    record ConflictOp(long writeId, CachedItem server) {}

    record CursorOp(String vaultId, long cursor) {}

    final KdfParams kdfPin;
    final List<TeamPin> teamPins;
    final List<LogRow> logEntries;
    final List<CachedVault> vaults;
    final List<KeyWrap> keyWraps;
    final List<CachedItem> items;
    final List<CachedItem> history;
    final List<VaultHeadPin> vaultHeads;
    final List<CursorOp> cursors;
    final List<Long> completedWrites;
    final List<ConflictOp> conflicts;
    final List<String> removedVaults;
    final List<String> removedTeams;

    private CacheBatch(Builder b) {
        kdfPin = b.kdfPin;
        teamPins = List.copyOf(b.teamPins);
        logEntries = List.copyOf(b.logEntries);
        vaults = List.copyOf(b.vaults);
        keyWraps = List.copyOf(b.keyWraps);
        items = List.copyOf(b.items);
        history = List.copyOf(b.history);
        vaultHeads = List.copyOf(b.vaultHeads);
        cursors = List.copyOf(b.cursors);
        completedWrites = List.copyOf(b.completedWrites);
        conflicts = List.copyOf(b.conflicts);
        removedVaults = List.copyOf(b.removedVaults);
        removedTeams = List.copyOf(b.removedTeams);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a batch; not thread-safe. */
    public static final class Builder {
        private KdfParams kdfPin;
        private final List<TeamPin> teamPins = new ArrayList<>();
        private final List<LogRow> logEntries = new ArrayList<>();
        private final List<CachedVault> vaults = new ArrayList<>();
        private final List<KeyWrap> keyWraps = new ArrayList<>();
        private final List<CachedItem> items = new ArrayList<>();
        private final List<CachedItem> history = new ArrayList<>();
        private final List<VaultHeadPin> vaultHeads = new ArrayList<>();
        private final List<CursorOp> cursors = new ArrayList<>();
        private final List<Long> completedWrites = new ArrayList<>();
        private final List<ConflictOp> conflicts = new ArrayList<>();
        private final List<String> removedVaults = new ArrayList<>();
        private final List<String> removedTeams = new ArrayList<>();

        private Builder() {}

        /** Pins (or re-pins, e.g. after a password change) the account's KDF parameters. */
        public Builder kdfPin(KdfParams params) {
            kdfPin = Objects.requireNonNull(params, "params");
            return this;
        }

        /** Moves a team's pin forward; refused if it would move back or fork. */
        public Builder teamPin(TeamPin pin) {
            teamPins.add(Objects.requireNonNull(pin, "pin"));
            return this;
        }

        /**
         * Stores a verified log entry; team and sequence are read from its body. Entries beyond the
         * team's pinned sequence are refused at apply time (they are not verified yet).
         */
        public Builder logEntry(SignedLogEntry entry) {
            LogEntryBody body = UnverifiedLogEntry.decode(entry).allegedBody();
            logEntries.add(
                    new LogRow(
                            body.teamId(),
                            body.seq(),
                            Base64Url.decode(entry.body()),
                            Base64Url.decode(entry.signature())));
            return this;
        }

        public Builder vault(CachedVault vault) {
            vaults.add(Objects.requireNonNull(vault, "vault"));
            return this;
        }

        public Builder keyWrap(KeyWrap wrap) {
            keyWraps.add(Objects.requireNonNull(wrap, "wrap"));
            return this;
        }

        /**
         * Sets the latest revision of an item. A newer revision moves the previous latest into the
         * history; an older one is refused; the same one must be byte-identical.
         */
        public Builder item(CachedItem item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Adds an older revision to an item's history (kept once stored; repeats are ignored). */
        public Builder history(CachedItem revision) {
            history.add(Objects.requireNonNull(revision, "revision"));
            return this;
        }

        /** Moves a vault's head pin forward; refused if it would move back or fork. */
        public Builder vaultHead(VaultHeadPin pin) {
            vaultHeads.add(Objects.requireNonNull(pin, "pin"));
            return this;
        }

        /** Sets a vault's sync cursor (the server's change sequence this batch brings it to). */
        public Builder cursor(String vaultId, long cursor) {
            Objects.requireNonNull(vaultId, "vaultId");
            if (cursor < 0) {
                throw new IllegalArgumentException("cursor must not be negative");
            }
            cursors.add(new CursorOp(vaultId, cursor));
            return this;
        }

        /**
         * Removes a queued write the server accepted (with the revision it became, added above).
         */
        public Builder completeWrite(long writeId) {
            completedWrites.add(writeId);
            return this;
        }

        /** Moves a queued write to the conflicts, keeping the server's version beside it. */
        public Builder conflict(long writeId, CachedItem serverVersion) {
            conflicts.add(new ConflictOp(writeId, Objects.requireNonNull(serverVersion)));
            return this;
        }

        /**
         * Forgets a vault this account no longer reads (deleted, or access revoked in the verified
         * log): its items, history, key wraps, head pin and cursor. Queued writes and conflicts for
         * it are kept, so no local edit is lost silently; pushing them will fail visibly.
         */
        public Builder removeVault(String vaultId) {
            removedVaults.add(Objects.requireNonNull(vaultId, "vaultId"));
            return this;
        }

        /**
         * Forgets a team this account is no longer in: its pin, its stored log entries and every
         * cached vault of it (as {@link #removeVault}). The team's genesis hash stays in the pin
         * file, so a later re-invitation is still checked against it.
         */
        public Builder removeTeam(String teamId) {
            removedTeams.add(Objects.requireNonNull(teamId, "teamId"));
            return this;
        }

        public CacheBatch build() {
            return new CacheBatch(this);
        }
    }
}
