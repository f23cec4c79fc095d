package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/** {@code POST /api/v1/accounts/prelogin}: what a client needs before it can derive its keys. */
public record PreloginRequest(String email) {
    public PreloginRequest {
        present(email, "email");
    }
}
