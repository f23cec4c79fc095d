package dev.strongroom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/** Prints command results: plain text for people, one JSON document with {@code --json}. */
public final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Output() {}

    public static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCode.ERROR, "could not format the output as JSON");
        }
    }

    /** Writes a secret without making a String of it. */
    public static void secret(PrintWriter out, char[] value) {
        out.write(value);
        out.println();
        out.flush();
    }
}
