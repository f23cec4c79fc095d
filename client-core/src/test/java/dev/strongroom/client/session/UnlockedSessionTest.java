package dev.strongroom.client.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.crypto.keys.AccountKey;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnlockedSessionTest {

    private static final String TOKEN = "Q".repeat(43);

    private static UnlockedSession newSession(AccountKey key, IdentityKeys identity) {
        UUID id = UUID.randomUUID();
        PublicBundle bundle = identity.publicBundle(id.toString(), "a@example.test", 1L);
        return new UnlockedSession(
                ServerApi.connect(ServerEndpoint.of("http://127.0.0.1:9", null)),
                BearerToken.of(TOKEN),
                UUID.randomUUID(),
                id,
                "a@example.test",
                key,
                identity,
                bundle);
    }

    @Test
    void lockWipesTheKeysAndEveryAccessorRefuses() {
        AccountKey key = AccountKey.generate();
        IdentityKeys identity = IdentityKeys.generate();
        UnlockedSession s = newSession(key, identity);
        BearerToken token = s.token();
        assertThat(s.accountKey()).isSameAs(key);
        assertThat(s.isLocked()).isFalse();

        s.lock();
        s.lock(); // idempotent
        assertThat(s.isLocked()).isTrue();
        assertThat(key.isDestroyed()).isTrue();
        assertThat(token.isForgotten()).isTrue();
        assertThatThrownBy(() -> identity.sign(new byte[1])).isInstanceOf(RuntimeException.class);
        for (Runnable accessor :
                new Runnable[] {
                    s::accountKey,
                    s::identity,
                    s::token,
                    s::server,
                    s::email,
                    s::accountId,
                    s::sessionId,
                    s::publicBundle
                }) {
            assertThatThrownBy(accessor::run).isInstanceOf(SessionLockedException.class);
        }
        assertThat(s.toString()).contains("locked");
    }

    @Test
    void closeLocksAndToStringShowsNoSecret() {
        UnlockedSession s;
        try (UnlockedSession open = newSession(AccountKey.generate(), IdentityKeys.generate())) {
            s = open;
            assertThat(open.toString())
                    .doesNotContain(TOKEN)
                    .doesNotContain("a@example.test")
                    .contains("redacted");
        }
        assertThat(s.isLocked()).isTrue();
    }
}
