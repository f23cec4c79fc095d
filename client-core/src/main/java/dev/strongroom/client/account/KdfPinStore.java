package dev.strongroom.client.account;

import dev.strongroom.crypto.kdf.KdfParams;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the client remembers, per server and account, the KDF parameters it last accepted, so that
 * a server that later offers weaker ones is refused (DESIGN.md: "pin the account's parameters
 * locally once seen"). Keys are the server's {@code ServerEndpoint.id()} and the normalised email.
 *
 * <p>The local cache provides its own implementation; {@link FileKdfPinStore} is a minimal one for
 * front ends without a cache, and {@link #inMemory()} one for tests and one-shot tools.
 */
public interface KdfPinStore {

    /** The pinned parameters, empty on first contact. */
    Optional<KdfParams> pinned(String serverId, String email);

    /** Pins (replaces) the parameters; durable when the call returns. */
    void pin(String serverId, String email, KdfParams params);

    /** Forgets the pin (account deleted, or the user re-trusts a server on purpose). */
    void forget(String serverId, String email);

    /** A pin store that lives as long as the object. */
    static KdfPinStore inMemory() {
        Map<String, KdfParams> pins = new ConcurrentHashMap<>();
        return new KdfPinStore() {
            @Override
            public Optional<KdfParams> pinned(String serverId, String email) {
                return Optional.ofNullable(pins.get(serverId + "\n" + email));
            }

            @Override
            public void pin(String serverId, String email, KdfParams params) {
                pins.put(serverId + "\n" + email, params);
            }

            @Override
            public void forget(String serverId, String email) {
                pins.remove(serverId + "\n" + email);
            }
        };
    }
}
