package dev.strongroom.cli.agent;

/** A request or reply on the agent socket is not a valid protocol document. No content quoted. */
final class AgentProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AgentProtocolException(String message) {
        super(message);
    }
}
