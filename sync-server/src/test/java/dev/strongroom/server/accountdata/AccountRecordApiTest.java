package dev.strongroom.server.accountdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.wire.AccountRecordResponse;
import dev.strongroom.model.wire.PutAccountRecordRequest;
import dev.strongroom.model.wire.PutAccountRecordResponse;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Per-account records on both backends: none at first, check-and-set versions, each account sees
 * only its own, and every write is audited.
 */
class AccountRecordApiTest {

    static final String PATH = "/api/v1/account/records/joined-teams";

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesVersionsAndKeepsAccountsApart(Backend backend) {
        try (TestServer server = TestServer.start(backend, dir)) {
            Api api = server.api();
            TestUser alice = new TestUser("alice").register(api).login(api);
            TestUser bob = new TestUser("bob").register(api).login(api);

            AccountRecordResponse none = api.get(PATH, alice.token).as(AccountRecordResponse.class);
            assertThat(none.version()).isZero();
            assertThat(none.record()).isEmpty();

            byte[] first = Randoms.bytes(120);
            Api.Response put = api.put(PATH, alice.token, new PutAccountRecordRequest(first, 0L));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(put.as(PutAccountRecordResponse.class).version()).isEqualTo(1);

            // a second device that read version 0 loses the race and must merge
            Api.Response stale =
                    api.put(PATH, alice.token, new PutAccountRecordRequest(Randoms.bytes(90), 0L));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.errorCode()).isEqualTo("conflict");

            byte[] second = Randoms.bytes(200);
            assertThat(
                            api.put(PATH, alice.token, new PutAccountRecordRequest(second, 1L))
                                    .as(PutAccountRecordResponse.class)
                                    .version())
                    .isEqualTo(2);
            AccountRecordResponse now = api.get(PATH, alice.token).as(AccountRecordResponse.class);
            assertThat(now.version()).isEqualTo(2);
            assertThat(now.record()).isEqualTo(second);

            // bob has his own (none); he cannot read or overwrite alice's
            assertThat(api.get(PATH, bob.token).as(AccountRecordResponse.class).version()).isZero();
            assertThat(api.put(PATH, bob.token, new PutAccountRecordRequest(first, 0L)).status())
                    .isEqualTo(200);
            assertThat(api.get(PATH, alice.token).as(AccountRecordResponse.class).record())
                    .isEqualTo(second);

            List<String> audited =
                    server.db()
                            .read(
                                    tx ->
                                            tx.query(
                                                    "SELECT action FROM audit_events WHERE"
                                                            + " target_kind = 'account_record'"
                                                            + " ORDER BY seq",
                                                    rs -> rs.getString(1)));
            assertThat(audited)
                    .containsExactly(
                            "account.record_write", "account.record_write", "account.record_write");
        }
    }
}
