package dev.strongroom.client.rotation;

import dev.strongroom.client.item.CertificateBundle;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.item.RotationPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the rotation report needs to know about one item: a reference chosen by the caller (for
 * example vault and item id), its name and type, its rotation policy and expiry date (each may be
 * null) and, for certificates, the chain's earliest notAfter (else null).
 */
public record RotationSubject(
        String ref,
        String name,
        ItemType type,
        RotationPolicy rotation,
        LocalDate expires,
        Instant certificateNotAfter) {

    public RotationSubject {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Extracts the subject from a decrypted item; certificates are parsed for notAfter. */
    public static RotationSubject of(String ref, ItemContent item) {
        Instant notAfter = null;
        if (item.data() instanceof CertificateBundle bundle) {
            notAfter = bundle.notAfter();
        }
        return new RotationSubject(
                ref, item.name(), item.type(), item.rotation(), item.expires(), notAfter);
    }
}
