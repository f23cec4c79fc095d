package dev.strongroom.client.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.strongroom.model.api.ErrorDetail;
import dev.strongroom.model.api.ErrorResponse;
import dev.strongroom.model.wire.Require;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Turns untrusted reply bytes into typed values or typed exceptions: strict parsing with the wire
 * mapper, then a completeness check (the wire records accept null for absent fields, so every
 * record component must be present unless listed as optional), then, for error statuses, the
 * mapping to an {@link ApiException} subclass. Nothing of the reply's content is echoed into an
 * exception message except the sanitised server message of an error body.
 */
final class Replies {

    /** Record components that may legitimately be absent (Class.component). */
    private static final Set<String> OPTIONAL =
            Set.of(
                    "KdfParams.memoryKib",
                    "KdfParams.parallelism",
                    "ErrorDetail.currentRevision",
                    "ErrorDetail.retryAfterSeconds");

    private static final int MAX_DEPTH = 16;
    private static final int MAX_MESSAGE = 200;

    private Replies() {}

    /** Parses a success body of the given type, or throws {@link MalformedResponseException}. */
    static <T> T parse(byte[] body, Class<T> type, String request) {
        T value;
        try {
            value = WireJson.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new MalformedResponseException(
                    "the server's reply to "
                            + request
                            + " is not a valid "
                            + type.getSimpleName()
                            + ": "
                            + problem(e),
                    e);
        }
        if (value == null) {
            throw new MalformedResponseException(
                    "the server's reply to " + request + " is empty (JSON null)");
        }
        String missing = firstMissing(value, 0);
        if (missing != null) {
            throw new MalformedResponseException(
                    "the server's reply to "
                            + request
                            + " is not a valid "
                            + type.getSimpleName()
                            + ": missing field '"
                            + missing
                            + "'");
        }
        return value;
    }

    /** The kind of parse problem, naming a field at most (never a value). */
    private static String problem(IOException e) {
        Throwable cause = e;
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            cause = e.getCause();
        }
        if (cause instanceof Require.MissingFieldException m) {
            return "missing field '" + m.field() + "'";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + sanitize(u.getPropertyName(), 40) + "'";
        }
        if (e instanceof JsonParseException) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            return m.contains("Duplicate field") ? "duplicate field" : "malformed JSON";
        }
        if (e instanceof ValueInstantiationException) {
            return "invalid value";
        }
        if (e instanceof InvalidFormatException) {
            return "invalid value in " + path((MismatchedInputException) e);
        }
        if (e instanceof MismatchedInputException m) {
            String text = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
            if (text.contains("Trailing token")) {
                return "trailing content after the JSON document";
            }
            if (text.contains("No content to map")) {
                return "empty body";
            }
            return "wrong type in " + path(m);
        }
        if (e instanceof JsonProcessingException) {
            return "malformed JSON";
        }
        return "unreadable";
    }

    private static String path(MismatchedInputException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(sanitize(ref.getFieldName(), 40));
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "the document" : "'" + out + "'";
    }

    /** The first required record component (dotted path) that is null, or null when complete. */
    private static String firstMissing(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return "(nested too deeply)";
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object element : c) {
                if (element == null) {
                    return "[" + i + "]";
                }
                String m = firstMissing(element, depth + 1);
                if (m != null) {
                    return "[" + i + "]." + m;
                }
                i++;
            }
            return null;
        }
        if (!value.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read wire record component", e);
            }
            if (v == null) {
                if (!OPTIONAL.contains(value.getClass().getSimpleName() + "." + c.getName())) {
                    return c.getName();
                }
                continue;
            }
            String m = firstMissing(v, depth + 1);
            if (m != null) {
                return c.getName() + (m.startsWith("[") ? "" : ".") + m;
            }
        }
        return null;
    }

    /** The typed exception for an error status; the body is used only if it is a valid error. */
    static ApiException error(int status, HttpHeaders headers, byte[] body, boolean json) {
        ErrorDetail detail = null;
        if (json) {
            try {
                ErrorResponse r = WireJson.mapper().readValue(body, ErrorResponse.class);
                if (r != null && firstMissing(r, 0) == null) {
                    detail = r.error();
                }
            } catch (IOException e) {
                detail = null;
            }
        }
        String code = detail == null ? "unknown" : code(detail.code());
        String message =
                detail == null
                        ? "the server answered HTTP " + status + " without a valid error body"
                        : sanitize(detail.message(), MAX_MESSAGE);
        if (status == 401) {
            return new AuthenticationException(status, code, message);
        }
        if (status == 403) {
            return new ForbiddenException(status, code, message);
        }
        if (status == 404) {
            return new NotFoundException(status, code, message);
        }
        if (status == 409) {
            return new ConflictException(
                    status, code, message, detail == null ? null : detail.currentRevision());
        }
        if (status == 429) {
            return new RateLimitedException(status, code, message, retryAfter(detail, headers));
        }
        if (status >= 400 && status < 500) {
            return new BadRequestException(status, code, message);
        }
        return new ServerFaultException(status, code, message);
    }

    private static Duration retryAfter(ErrorDetail detail, HttpHeaders headers) {
        long seconds = 1;
        if (detail != null && detail.retryAfterSeconds() != null) {
            seconds = detail.retryAfterSeconds();
        } else {
            String h = headers.firstValue("retry-after").orElse("");
            if (h.matches("\\d{1,9}")) {
                seconds = Long.parseLong(h);
            }
        }
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, 86_400)));
    }

    private static String code(String raw) {
        return raw.matches("[a-z0-9_]{1,64}") ? raw : "unknown";
    }

    /** Printable, single-line, at most max characters. */
    static String sanitize(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean visible =
                    !Character.isISOControl(cp)
                            && Character.getType(cp) != Character.FORMAT
                            && Character.getType(cp) != Character.LINE_SEPARATOR
                            && Character.getType(cp) != Character.PARAGRAPH_SEPARATOR;
            out.appendCodePoint(visible ? cp : ' ');
        }
        if (out.length() >= max) {
            out.append('…');
        }
        return out.toString();
    }

    /** True when the Content-Type header is application/json (any parameters). */
    static boolean isJson(HttpHeaders headers) {
        String type = headers.firstValue("content-type").orElse("");
        int semi = type.indexOf(';');
        String mime = (semi >= 0 ? type.substring(0, semi) : type).strip();
        return mime.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
