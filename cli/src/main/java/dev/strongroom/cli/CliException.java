package dev.strongroom.cli;

/** A failure the CLI reports as one plain line and an exit code. Never carries a secret. */
public class CliException extends RuntimeException {

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
