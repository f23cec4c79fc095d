/**
 * The client's local cache: one SQLite file per (account, server profile), holding only ciphertext
 * and pinned trust state, so that reads work offline and a malicious server cannot roll the client
 * back.
 *
 * <h2>What is stored</h2>
 *
 * <ul>
 *   <li>meta: format version, account id, server url (and {@code PRAGMA application_id} "SRC1",
 *       {@code user_version} 1);
 *   <li>the account's pinned KDF parameters (algorithm and numbers);
 *   <li>per team: the raw membership-log entries (sequence, body and signature bytes exactly as in
 *       {@link dev.strongroom.model.log.SignedLogEntry}) and the pin (genesis hash, last verified
 *       sequence, head hash);
 *   <li>per vault: team, encrypted metadata, this account's key wraps per key version, the highest
 *       verified vault head with its signature, and the sync cursor;
 *   <li>the latest revision of every item (every {@link dev.strongroom.model.vault.ItemRevision}
 *       field plus wrapped item key, content envelope, signature; tombstones included) and older
 *       revisions as history;
 *   <li>the outbox of queued offline writes and the conflicts they ran into (both versions kept).
 * </ul>
 *
 * Nothing is ever decrypted here; every blob is exactly what the server sent or the client will
 * send.
 *
 * <h2>Trust state</h2>
 *
 * Team pins, vault head pins, the KDF pin and the meta row each carry an HMAC-SHA256 under the
 * {@link dev.strongroom.client.cache.CacheKey} (derived by the caller from the unlocked account
 * key) over a labelled {@link dev.strongroom.crypto.common.Canonical} encoding that includes the
 * account id, server url and the row's own ids. A pin that does not verify raises {@link
 * dev.strongroom.client.cache.CacheTamperedException}; every pin is checked when the cache is
 * opened. Pins only move forward: a team pin with a lower sequence (or another head at the same
 * sequence, or another genesis) and a vault head with a lower counter (or other content at the same
 * counter) raise {@link dev.strongroom.client.cache.RollbackRefusedException}. SQLite triggers
 * further refuse rewriting a stored log entry, moving a vault to another team and moving an item
 * back to an older revision or a different one at the same number; a newer item revision moves the
 * previous latest into history automatically.
 *
 * <h2>Corruption and rebuild</h2>
 *
 * Opening runs {@code PRAGMA quick_check} and checks the SQLite header, application id, format
 * version, the exact schema and the meta row (profile and HMAC) before anything else. A bad file
 * raises {@link dev.strongroom.client.cache.CacheCorruptException} and is never half-read. {@link
 * dev.strongroom.client.cache.LocalCache#rebuild} moves it (with its -wal and -shm files) aside
 * under a timestamped name, never deleting it, and starts an empty cache. After a rebuild the
 * client must re-verify every team's membership log from genesis and re-download every vault.
 *
 * <p>Front ends open caches with {@link dev.strongroom.client.cache.LocalCache#openOrRebuild}: it
 * rebuilds a corrupt file and also one whose pins fail their HMAC (tampered), and returns a {@link
 * dev.strongroom.client.cache.CacheRebuild} saying why and which trust state the fresh cache starts
 * without. Losing the pin file as well (it failed its own check or is missing) means genesis hashes
 * and the KDF pin are gone: that is reported as a security-relevant loss, never reset to trust on
 * first use silently. The choice to rebuild rather than refuse a tampered cache is deliberate:
 * refusing leaves the user without a working client and the tampering cannot make the fresh cache
 * accept anything the server could not already serve to a new device; the report makes sure the
 * user hears about it.
 *
 * <p>So that a rebuild does not also forget what must never change, each team's genesis hash and
 * the KDF pin are also kept in a second small file, the {@link
 * dev.strongroom.client.cache.PinStore} ({@code <cache>.pins}), replaced atomically and
 * authenticated with the same key. The cache refreshes it whenever a new team is pinned or the KDF
 * pin changes, checks it against its own pins at open, and seeds a fresh cache's KDF pin from it;
 * {@link dev.strongroom.client.cache.LocalCache#pinTeam} refuses a genesis that differs from it.
 *
 * <h2>Limits</h2>
 *
 * The HMACs stop a local attacker from forging or altering pins, not from deleting pin rows or
 * restoring an older copy of the whole file: both are a compromised device, out of the threat
 * model. Vault head pins are not in the pin file, so right after a rebuild the first head the
 * server serves for a vault is trusted (its signature and the membership log still are verified).
 *
 * <h2>Settings</h2>
 *
 * WAL journal, {@code synchronous=FULL}, foreign keys on, a 5 s busy timeout, {@code
 * trusted_schema=OFF}. The file (and its directory when the cache creates it) is owner-only (0600,
 * 0700) where the file system has POSIX permissions.
 */
package dev.strongroom.client.cache;
