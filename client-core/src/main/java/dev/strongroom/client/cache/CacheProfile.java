package dev.strongroom.client.cache;

import java.util.Objects;

/**
 * Whose cache a file is: one account on one server. Written into the cache's meta row and its pin
 * file and bound into every pin's HMAC, so a file (or a pin row) cannot be moved to another account
 * or server profile unnoticed.
 *
 * @param accountId the account's id on that server
 * @param serverUrl the server profile's base URL, as the client stores it
 */
public record CacheProfile(String accountId, String serverUrl) {

    public CacheProfile {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(serverUrl, "serverUrl");
        if (accountId.isEmpty() || serverUrl.isEmpty()) {
            throw new IllegalArgumentException("account id and server url must not be empty");
        }
    }
}
