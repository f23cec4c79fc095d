package dev.strongroom.client.automation;

import dev.strongroom.client.secret.SecretText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text file with {@code {{ sr://team/vault/item/field }}} placeholders. Only a {@code {{}
 * followed (after optional blanks) by {@code sr://} opens a placeholder, so other template
 * languages' {@code {{ .Values.x }}} pass through untouched; an opened placeholder must close with
 * {@code }}} on the same line, else the template is refused with its line and column. Rendering
 * needs every reference resolved: the caller resolves {@link #references()} first and writes
 * nothing unless all of them resolved.
 */
public final class Template {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private record Part(String literal, SecretReference reference) {}

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = parts;
    }

    public static Template parse(String text) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        int scan = 0;
        while (true) {
            int open = text.indexOf(OPEN, scan);
            if (open < 0) {
                break;
            }
            int start = skipBlanks(text, open + OPEN.length());
            if (!text.startsWith(SecretReference.SCHEME, start)) {
                scan = open + 1; // not ours: leave it as text
                continue;
            }
            int lineEnd = lineEnd(text, start);
            int close = text.indexOf(CLOSE, start);
            if (close < 0 || close > lineEnd) {
                throw new AutomationInputException(
                        "template " + position(text, open) + ": {{ sr://... has no closing }}");
            }
            String ref = text.substring(start, close).strip();
            SecretReference reference;
            try {
                reference = SecretReference.parse(ref);
            } catch (AutomationInputException e) {
                throw new AutomationInputException(
                        "template " + position(text, open) + ": " + e.getMessage());
            }
            parts.add(new Part(text.substring(from, open), null));
            parts.add(new Part(null, reference));
            from = close + CLOSE.length();
            scan = from;
        }
        parts.add(new Part(text.substring(from), null));
        return new Template(Collections.unmodifiableList(parts));
    }

    /** Every distinct reference, in order of first appearance. */
    public Set<SecretReference> references() {
        Set<SecretReference> refs = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p.reference() != null) {
                refs.add(p.reference());
            }
        }
        return refs;
    }

    /**
     * The rendered text; the caller wipes the returned array. Fails (without output) if any
     * reference is missing from {@code values}.
     */
    public char[] render(Map<SecretReference, SecretText> values) {
        for (SecretReference r : references()) {
            if (!values.containsKey(r)) {
                throw new AutomationInputException("no value for " + r);
            }
        }
        SecretCharSink out = new SecretCharSink();
        try {
            for (Part p : parts) {
                if (p.literal() != null) {
                    out.append(p.literal());
                } else {
                    out.appendAndWipe(values.get(p.reference()).chars());
                }
            }
            return out.take();
        } finally {
            out.wipe();
        }
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    static String position(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (index - lineStart + 1);
    }
}
