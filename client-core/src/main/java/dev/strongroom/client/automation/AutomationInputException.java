package dev.strongroom.client.automation;

/**
 * Bad automation input: a malformed secret reference, template, env file, export name or machine
 * token. The message is one plain line that names where the problem is (line and column, segment)
 * and never contains a secret value or token material.
 */
public final class AutomationInputException extends RuntimeException {

    public AutomationInputException(String message) {
        super(message);
    }
}
