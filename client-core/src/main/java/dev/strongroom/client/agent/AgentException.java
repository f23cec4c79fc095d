package dev.strongroom.client.agent;

/** The agent is not running, already running, or the connection to it broke. */
public class AgentException extends RuntimeException {

    public AgentException(String message) {
        super(message);
    }
}
