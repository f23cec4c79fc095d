package dev.strongroom.server;

import dev.strongroom.server.cli.ServerCommand;

/** Entry point of the runnable jar and of {@code ./strongroom-server}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = ServerCommand.run(args, System.getenv());
        if (code != 0) {
            System.exit(code);
        }
    }
}
