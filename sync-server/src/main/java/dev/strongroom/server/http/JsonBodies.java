package dev.strongroom.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.Require;
import dev.strongroom.model.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads request bodies: bounded in size while streaming (a chunked body without Content-Length is
 * cut off at the limit too), declared as JSON, and parsed with the strict wire mapper. Every parse
 * failure becomes a 400 whose message names the field but never echoes the input.
 */
public final class JsonBodies {

    private static final ObjectMapper JSON = WireJson.mapper();

    private JsonBodies() {}

    /** Reads at most {@code limit} bytes of body. */
    public static byte[] readBounded(InputStream in, long declaredLength, int limit)
            throws IOException {
        if (declaredLength > limit) {
            throw new PayloadTooLargeException("request body is larger than " + limit + " bytes");
        }
        ByteArrayOutputStream out =
                new ByteArrayOutputStream((int) Math.max(0, Math.min(declaredLength, limit)));
        byte[] buf = new byte[16 * 1024];
        int total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > limit) {
                throw new PayloadTooLargeException(
                        "request body is larger than " + limit + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Checks the declared content type is JSON. */
    public static void requireJsonContentType(String contentType) {
        if (contentType == null) {
            throw new UnsupportedMediaTypeException("Content-Type must be application/json");
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json")) {
            throw new UnsupportedMediaTypeException("Content-Type must be application/json");
        }
    }

    /** Parses a body into a wire type, mapping every failure to a 400. */
    public static <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new BadRequestException(ErrorCode.MALFORMED_JSON, "request body is required");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new BadRequestException(
                        ErrorCode.MALFORMED_JSON, "request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequestException(
                    ErrorCode.UNKNOWN_FIELD,
                    "unknown field '" + safeName(e.getPropertyName()) + "'" + where(e));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Require.MissingFieldException missing) {
                throw new BadRequestException(
                        ErrorCode.MISSING_FIELD,
                        "field '" + safeName(missing.field()) + "' is required" + where(e));
            }
            if (cause instanceof IllegalArgumentException) {
                // thrown by our own wire records' checks; their messages are ours
                throw new BadRequestException(
                        ErrorCode.INVALID_REQUEST, cause.getMessage() + where(e));
            }
            throw new BadRequestException(ErrorCode.INVALID_REQUEST, "invalid value" + where(e));
        } catch (MismatchedInputException | InputCoercionException e) {
            if (e instanceof MismatchedInputException m && m.getPath().isEmpty()) {
                throw new BadRequestException(
                        ErrorCode.MALFORMED_JSON, "request body must be a JSON object");
            }
            throw new BadRequestException(ErrorCode.WRONG_TYPE, "wrong type or format" + where(e));
        } catch (StreamConstraintsException e) {
            throw new PayloadTooLargeException("JSON document exceeds a nesting or size limit");
        } catch (JsonMappingException e) {
            // e.g. a number out of range for its field
            throw new BadRequestException(ErrorCode.WRONG_TYPE, "wrong type or format" + where(e));
        } catch (JacksonException e) {
            throw new BadRequestException(ErrorCode.MALFORMED_JSON, "malformed JSON");
        } catch (IOException e) {
            throw new BadRequestException(ErrorCode.MALFORMED_JSON, "malformed JSON");
        }
    }

    private static String where(JacksonException e) {
        if (!(e instanceof JsonMappingException d) || d.getPath().isEmpty()) {
            return "";
        }
        String path =
                d.getPath().stream()
                        .map(
                                r ->
                                        r.getFieldName() != null
                                                ? safeName(r.getFieldName())
                                                : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    /** Field names come from the client: keep them short and printable in our messages. */
    static String safeName(String name) {
        if (name == null) {
            return "?";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 64; i++) {
            char c = name.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
        }
        return out.toString();
    }
}
