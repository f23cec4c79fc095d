package dev.strongroom.client.machine;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.model.wire.MachineTokens;
import dev.strongroom.model.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests as a machine with its token, straight over HTTP (the headless client is built
 * elsewhere): what the server answers a token is what these tests check.
 */
final class MachineRequests {

    record Reply(int status, String body) {
        <T> T as(Class<T> type) throws Exception {
            return WireJson.mapper().readValue(body, type);
        }

        String errorCode() throws Exception {
            return WireJson.mapper().readTree(body).path("error").path("code").asText();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ServerEndpoint endpoint;

    MachineRequests(ServerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    Reply get(MachineToken token, String path) throws Exception {
        return send(token, HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path)).GET());
    }

    Reply post(MachineToken token, String path, Object body) throws Exception {
        return send(
                token,
                HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        WireJson.mapper().writeValueAsBytes(body))));
    }

    Reply put(MachineToken token, String path, Object body) throws Exception {
        return send(
                token,
                HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .PUT(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        WireJson.mapper().writeValueAsBytes(body))));
    }

    private Reply send(MachineToken token, HttpRequest.Builder request) throws Exception {
        byte[] secret = token.secret();
        String header = MachineTokens.header(token.machineId(), secret);
        Bytes.wipe(secret);
        HttpResponse<String> r =
                http.send(
                        request.header("Authorization", header).build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }
}
