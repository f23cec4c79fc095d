package dev.strongroom.server.http;

/** Turns a bearer token into a principal, or throws {@link UnauthorizedException}. */
@FunctionalInterface
public interface Authenticator {
    Principal authenticate(String token, String address);
}
