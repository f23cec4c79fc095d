package dev.strongroom.server.http;

/**
 * Turns the credentials of one Authorization scheme (the text after {@code Bearer } or {@code
 * Machine }) into a principal, or throws {@link UnauthorizedException}.
 */
@FunctionalInterface
public interface Authenticator {
    Principal authenticate(String credentials, String address);
}
