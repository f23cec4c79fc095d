package dev.strongroom.desktop.app;

import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.crypto.kdf.KdfParams;
import java.util.Optional;

/**
 * A {@link KdfPinStore} that files the pins of one endpoint under a stable name. The local vault's
 * embedded server listens on a new free port each start, so its endpoint id ({@code
 * http://127.0.0.1:PORT}) changes; pinning under that id would forget the KDF pin at every start
 * and let a downgrade through. Every other server id passes through unchanged.
 */
final class StablePinStore implements KdfPinStore {

    private final KdfPinStore delegate;
    private final String endpointId;
    private final String stableId;

    StablePinStore(KdfPinStore delegate, String endpointId, String stableId) {
        this.delegate = delegate;
        this.endpointId = endpointId;
        this.stableId = stableId;
    }

    private String map(String serverId) {
        return serverId.equals(endpointId) ? stableId : serverId;
    }

    @Override
    public Optional<KdfParams> pinned(String serverId, String email) {
        return delegate.pinned(map(serverId), email);
    }

    @Override
    public void pin(String serverId, String email, KdfParams params) {
        delegate.pin(map(serverId), email, params);
    }

    @Override
    public void forget(String serverId, String email) {
        delegate.forget(map(serverId), email);
    }
}
