package dev.strongroom.client.adversary;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Everything the in-process server (and any library under it) logs while open, at the most verbose
 * level the server's own code has (TRACE for {@code dev.strongroom}, DEBUG for Javalin), message
 * and stack trace, for the zero-knowledge search. Restores the levels on close.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final List<String> VERBOSE = List.of("dev.strongroom", "io.javalin");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final List<Level> previous = new CopyOnWriteArrayList<>();

    LogCapture() {
        setContext(context);
        setName("zero-knowledge-capture");
        start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
        for (String name : VERBOSE) {
            Logger l = context.getLogger(name);
            previous.add(l.getLevel());
            l.setLevel(name.startsWith("dev") ? Level.TRACE : Level.DEBUG);
            // captured here only: keeps the verbose lines out of the build's console
            l.addAppender(this);
            l.setAdditive(false);
        }
    }

    @Override
    protected void append(ILoggingEvent e) {
        lines.add(e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage());
        if (e.getThrowableProxy() != null) {
            lines.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    byte[] bytes() {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        for (int i = 0; i < VERBOSE.size(); i++) {
            Logger l = context.getLogger(VERBOSE.get(i));
            l.detachAppender(this);
            l.setAdditive(true);
            l.setLevel(previous.get(i));
        }
        stop();
    }
}
