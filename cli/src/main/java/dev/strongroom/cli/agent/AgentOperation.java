package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * One command the agent answers: the args it requires and allows, the secrets it requires (exactly
 * these), whether it needs the unlocked session, and what it does. The host checks the shape before
 * {@link Body#run} is called, so bodies can rely on their args being present.
 */
record AgentOperation(
        Set<String> requiredArgs,
        Set<String> optionalArgs,
        Set<String> secrets,
        boolean needsSession,
        Body body) {

    /** Runs the command; exceptions become error replies through the CLI's ErrorReporter. */
    interface Body {
        ObjectNode run(AgentHost host, AgentRequest request);
    }

    void checkShape(AgentRequest request) {
        for (String name : requiredArgs) {
            if (!request.args().containsKey(name)) {
                throw new AgentProtocolException("argument '" + name + "' is missing");
            }
        }
        for (String name : request.args().keySet()) {
            if (!requiredArgs.contains(name) && !optionalArgs.contains(name)) {
                throw new AgentProtocolException("unknown argument for " + request.command());
            }
        }
        if (!request.secretNames().equals(secrets)) {
            throw new AgentProtocolException(
                    request.command() + " takes exactly the secrets " + secrets);
        }
    }
}
