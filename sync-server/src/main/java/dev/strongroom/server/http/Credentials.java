package dev.strongroom.server.http;

/** The authenticators of the two Authorization schemes: session tokens and machine secrets. */
public record Credentials(Authenticator sessions, Authenticator machines) {}
