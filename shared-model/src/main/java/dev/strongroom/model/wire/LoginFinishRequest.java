package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/** {@code POST /api/v1/login/finish}: the SRP proof and a name for the device the session is on. */
public record LoginFinishRequest(SrpProof proof, String deviceName) {
    public LoginFinishRequest {
        present(proof, "proof");
        present(deviceName, "deviceName");
    }
}
