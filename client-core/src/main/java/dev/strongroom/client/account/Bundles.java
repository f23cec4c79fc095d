package dev.strongroom.client.account;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.InvalidSignatureException;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.UnverifiedPublicBundle;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.PublicAccountResponse;
import java.util.UUID;

/** Checks of public bundles received from the server. */
final class Bundles {

    private Bundles() {}

    /**
     * The account's own bundle after unlock: its keys must be exactly the decrypted private keys'
     * public halves (checked first: a server that swapped a key is caught whether or not it also
     * re-signed the bundle), it must name this account, and its self-signature must verify.
     */
    static PublicBundle verifyOwn(
            PublicBundleJson json, IdentityKeys identity, String accountId, String email) {
        byte[] encryption = decodeKey(json.encryptionKey());
        byte[] signing = decodeKey(json.signingKey());
        if (encryption == null
                || signing == null
                || !ConstantTime.equals(encryption, identity.encryptionPublicKey().bytes())
                || !ConstantTime.equals(signing, identity.signingPublicKey().bytes())) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "the account's published keys are not its own keys");
        }
        if (!accountId.equals(json.accountId()) || !email.equals(json.email())) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "the account's published bundle names another account");
        }
        return verifySignature(json);
    }

    /**
     * A directory answer: it must be the account asked for, the bundle must name that account and
     * its self-signature must verify.
     */
    static PublicBundle verifyDirectoryEntry(
            PublicAccountResponse r, String expectedEmail, UUID expectedId) {
        if ((expectedEmail != null && !expectedEmail.equals(r.email()))
                || (expectedId != null && !expectedId.equals(r.accountId()))) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "the directory answered with another account than the one asked for");
        }
        PublicBundleJson json = r.publicBundle();
        if (!r.accountId().toString().equals(json.accountId()) || !r.email().equals(json.email())) {
            throw new SecurityAlert(
                    SecurityAlertCode.KEY_SUBSTITUTION,
                    "the directory's bundle names another account");
        }
        return verifySignature(json);
    }

    private static PublicBundle verifySignature(PublicBundleJson json) {
        UnverifiedPublicBundle unverified;
        try {
            unverified = json.toUnverified();
        } catch (IllegalArgumentException | CryptoException e) {
            throw new MalformedResponseException("a public bundle from the server is malformed", e);
        }
        try {
            return unverified.verifySelfSignature();
        } catch (InvalidSignatureException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.BAD_SIGNATURE,
                    "a public bundle is not signed by its own key",
                    e);
        } catch (CryptoException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.BAD_SIGNATURE, "a public bundle has malformed keys", e);
        }
    }

    private static byte[] decodeKey(String text) {
        try {
            byte[] key = Base64Url.decode(text);
            return key.length == 32 ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
