package dev.strongroom.server.http;

/** The code behind one route. */
@FunctionalInterface
public interface Endpoint {
    void handle(Call call) throws Exception;
}
