package dev.strongroom.client.account;

import dev.strongroom.crypto.keys.PublicBundle;
import java.util.UUID;

/**
 * A newly registered account: its id, normalised email and self-signed public bundle (whose {@code
 * fingerprint()} the user can already write down for teammates). Log in to use it.
 */
public record Registration(UUID accountId, String email, PublicBundle publicBundle) {}
