package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.totp.TotpException;
import dev.strongroom.client.totp.TotpKey;
import java.util.List;
import java.util.Map;

/**
 * A website or service login. All fields but {@code urls} are optional. {@code totp} holds either a
 * Base32 secret or an otpauth://totp URI, and must parse as one.
 */
public record Login(String username, SecretText password, List<String> urls, SecretText totp)
        implements ItemData {

    public static final int MAX_URLS = 32;

    public Login {
        username = Check.optionalText("login.username", username, Check.SHORT);
        password = Check.optionalSecret("login.password", password, 4096);
        urls = Check.list("login.urls", urls, MAX_URLS);
        for (int i = 0; i < urls.size(); i++) {
            Check.url("login.urls[" + i + "]", urls.get(i));
        }
        totp = Check.optionalSecret("login.totp", totp, 4096);
        if (totp != null) {
            Check.onChars(totp, Login::checkTotp);
        }
    }

    private static void checkTotp(char[] chars) {
        try {
            TotpKey.parse(chars).close();
        } catch (TotpException e) {
            // TotpException messages never contain the secret, so the rule can be passed on
            throw new ItemValidationException("login.totp", e.getMessage());
        }
    }

    /** The TOTP key to generate codes with (caller closes it), or null when there is none. */
    public TotpKey totpKey() {
        if (totp == null) {
            return null;
        }
        char[] chars = totp.chars();
        try {
            return TotpKey.parse(chars);
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    @Override
    public ItemType type() {
        return ItemType.LOGIN;
    }

    @Override
    public Map<String, Object> fieldValues() {
        return new Fields()
                .put("username", username)
                .put("password", password)
                .put("urls", urls)
                .put("totp", totp)
                .build();
    }
}
