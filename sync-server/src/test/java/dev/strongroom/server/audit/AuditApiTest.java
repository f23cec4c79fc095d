package dev.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.AuditEventView;
import dev.strongroom.model.wire.AuditEventsResponse;
import dev.strongroom.model.wire.AuditVerifyResponse;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.db.Dialect;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class AuditApiTest {

    @Parameter Backend backend;
    @TempDir Path dir;

    @Test
    void adminsQueryExportAndVerifyTheirTeamsTrail() throws Exception {
        try (TestServer server = TestServer.start(backend, dir)) {
            Api api = server.api();
            TestUser alice = new TestUser("alice").register(api).login(api);
            TestUser bob = new TestUser("bob").register(api).login(api);
            TestTeam team = new TestTeam(api).create(alice);
            UUID vault = team.createVault(alice);
            team.addMember(alice, bob, Role.MEMBER);
            team.grant(alice, vault, bob, Permission.READ, 1);
            UUID item = UUID.randomUUID();
            TestTeam.created(TestTeam.createItem(api, alice, vault, item, 1));
            api.get("/api/v1/vaults/" + vault + "/items/" + item, bob.token);

            String base = "/api/v1/teams/" + team.id + "/audit";
            AuditEventsResponse all = api.get(base, alice.token).as(AuditEventsResponse.class);
            assertThat(all.events())
                    .extracting(AuditEventView::action)
                    .contains("team.create", "team.log_append", "item.create", "item.read");
            AuditEventsResponse reads =
                    api.get(base + "?action=item.read&actor=" + bob.id, alice.token)
                            .as(AuditEventsResponse.class);
            assertThat(reads.events())
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.actorKind()).isEqualTo("account");
                                assertThat(e.targetId()).isEqualTo(item.toString());
                                assertThat(e.address()).isNotBlank();
                            });
            AuditEventsResponse page =
                    api.get(base + "?limit=2", alice.token).as(AuditEventsResponse.class);
            assertThat(page.events()).hasSize(2);
            assertThat(page.hasMore()).isTrue();
            AuditEventsResponse rest =
                    api.get(base + "?after=" + page.nextAfter(), alice.token)
                            .as(AuditEventsResponse.class);
            assertThat(rest.events().get(0).seq()).isGreaterThan(page.nextAfter());

            Api.Response export = api.get(base + "/export", alice.token);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.raw().headers().firstValue("content-type").orElse(""))
                    .startsWith("application/x-ndjson");
            String[] lines = export.body().split("\n");
            assertThat(lines.length).isGreaterThanOrEqualTo(all.events().size());
            for (String line : lines) {
                assertThat(WireJson.mapper().readValue(line, AuditEventView.class).teamId())
                        .isEqualTo(team.id.toString());
            }

            // members who are not admins, and outsiders, see no audit trail
            assertThat(api.get(base, bob.token).status()).isEqualTo(404);
            assertThat(api.get(base + "/export", bob.token).status()).isEqualTo(404);

            AuditVerifyResponse ok =
                    api.get(base + "/verify", alice.token).as(AuditVerifyResponse.class);
            assertThat(ok.ok()).isTrue();

            server.db()
                    .writeRaw(
                            c -> {
                                try (Statement s = c.createStatement()) {
                                    if (server.db().dialect() == Dialect.SQLITE) {
                                        s.execute("DROP TRIGGER audit_events_no_update");
                                    } else {
                                        s.execute("ALTER TABLE audit_events DISABLE TRIGGER USER");
                                    }
                                    s.executeUpdate(
                                            "UPDATE audit_events SET result = 'failure' WHERE action = 'item.read'");
                                }
                                return null;
                            });
            AuditVerifyResponse broken =
                    api.get(base + "/verify", alice.token).as(AuditVerifyResponse.class);
            assertThat(broken.ok()).isFalse();
            assertThat(broken.problem()).contains("altered");
        }
    }
}
