package dev.strongroom.client.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.crypto.keys.AccountKey;
import dev.strongroom.crypto.keys.IdentityKeys;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A session unlocked offline retries refused logins at once and pauses after slow ones. */
class DeferredLoginBackoffTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    /** Plays scripted attempts: each takes its time on the clock, then fails or logs in. */
    private final class ScriptedLogin implements ServerLogin {
        final Deque<long[]> script = new ArrayDeque<>(); // {millis, succeeds ? 1 : 0}
        int attempts;
        boolean closed;

        ScriptedLogin then(long millis, boolean succeeds) {
            script.add(new long[] {millis, succeeds ? 1 : 0});
            return this;
        }

        @Override
        public Ticket login() {
            attempts++;
            long[] step = script.removeFirst();
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(step[0]));
            if (step[1] == 0) {
                throw new ServerUnreachableException("connect failed", null);
            }
            return new Ticket(BearerToken.of("Q".repeat(43)), UUID.randomUUID());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private UnlockedSession session(ServerLogin login) {
        IdentityKeys identity = IdentityKeys.generate();
        UUID id = UUID.randomUUID();
        return UnlockedSession.offline(
                ServerApi.connect(ServerEndpoint.of("http://127.0.0.1:9", null)),
                login,
                id,
                "a@example.test",
                AccountKey.generate(),
                identity,
                identity.publicBundle(id.toString(), "a@example.test", 1L),
                clock::get);
    }

    private void advanceSeconds(long s) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void refusedConnectionsAreRetriedOnEveryCall() {
        ScriptedLogin login = new ScriptedLogin().then(5, false).then(5, false).then(5, true);
        try (UnlockedSession s = session(login)) {
            assertThatThrownBy(s::token).hasMessage("connect failed");
            assertThatThrownBy(s::token).hasMessage("connect failed");
            assertThat(s.token()).isNotNull();
            assertThat(login.attempts).isEqualTo(3);
            assertThat(login.closed).isTrue();
            assertThat(s.isOffline()).isFalse();
        }
    }

    @Test
    void aTimedOutAttemptMakesCallsFailFastUntilThePauseEndsAndThePauseDoubles() {
        ScriptedLogin login =
                new ScriptedLogin().then(10_000, false).then(10_000, false).then(20, true);
        try (UnlockedSession s = session(login)) {
            assertThatThrownBy(s::token).hasMessage("connect failed");
            // within the first 5 s pause: no network attempt, a plain message
            assertThatThrownBy(s::token)
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessageContaining("timed out")
                    .hasMessageContaining("next attempt in 5 s");
            advanceSeconds(4);
            assertThatThrownBy(s::token).hasMessageContaining("next attempt in 1 s");
            assertThat(login.attempts).isEqualTo(1);

            advanceSeconds(1);
            assertThatThrownBy(s::token).hasMessage("connect failed"); // slow again: 10 s pause
            advanceSeconds(9);
            assertThatThrownBy(s::token).hasMessageContaining("next attempt in 1 s");
            assertThat(login.attempts).isEqualTo(2);

            advanceSeconds(1);
            assertThat(s.token()).isNotNull();
            assertThat(login.attempts).isEqualTo(3);
            assertThat(s.isOffline()).isFalse();
        }
    }

    @Test
    void aFastFailureAfterASlowOneResetsThePause() {
        ScriptedLogin login =
                new ScriptedLogin().then(3_000, false).then(5, false).then(5, false).then(5, true);
        try (UnlockedSession s = session(login)) {
            assertThatThrownBy(s::token).hasMessage("connect failed");
            advanceSeconds(5);
            assertThatThrownBy(s::token).hasMessage("connect failed"); // refused now
            assertThatThrownBy(s::token).hasMessage("connect failed"); // so no pause
            assertThat(s.token()).isNotNull();
            assertThat(login.attempts).isEqualTo(4);
        }
    }

    @Test
    void theLongestPauseIsAMinute() {
        ScriptedLogin login = new ScriptedLogin();
        for (int i = 0; i < 6; i++) {
            login.then(2_000, false);
        }
        try (UnlockedSession s = session(login)) {
            for (int i = 0; i < 6; i++) {
                if (i > 0) {
                    advanceSeconds(60);
                }
                assertThatThrownBy(s::token).hasMessage("connect failed");
            }
            // 5, 10, 20, 40, then 60 and not 80 or 160
            assertThatThrownBy(s::token).hasMessageContaining("next attempt in 60 s");
            assertThat(login.attempts).isEqualTo(6);
        }
    }
}
