package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/** {@code POST /api/v1/login/start}: SRP-6a step one, asking the server for its public value B. */
public record LoginStartRequest(String email) {
    public LoginStartRequest {
        present(email, "email");
    }
}
