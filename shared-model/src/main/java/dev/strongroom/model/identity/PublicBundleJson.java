package dev.strongroom.model.identity;

import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.UnverifiedPublicBundle;

/** A public bundle on the wire and in log entries; binary fields base64url. */
public record PublicBundleJson(
        String accountId,
        String email,
        String encryptionKey,
        String signingKey,
        long created,
        String signature) {

    public static PublicBundleJson of(PublicBundle bundle) {
        return new PublicBundleJson(
                bundle.accountId(),
                bundle.email(),
                Base64Url.encode(bundle.encryptionKey().bytes()),
                Base64Url.encode(bundle.signingKey().bytes()),
                bundle.createdMillis(),
                Base64Url.encode(bundle.signature()));
    }

    /** Decodes the fields; the result still has to have its self-signature verified. */
    public UnverifiedPublicBundle toUnverified() {
        return new UnverifiedPublicBundle(
                accountId,
                email,
                Base64Url.decode(encryptionKey),
                Base64Url.decode(signingKey),
                created,
                Base64Url.decode(signature));
    }
}
