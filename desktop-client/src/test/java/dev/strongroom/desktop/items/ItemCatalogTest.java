package dev.strongroom.desktop.items;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.item.RotationPolicy;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The list's data at the size the issue asks to stay smooth at: 10,000 items in two vaults,
 * searched by name, username, URL and tag, scoped by vault and by rotation due. (Latency is a
 * benchmark's job; this checks the answers at that size.)
 */
class ItemCatalogTest {

    static final int ITEMS = 10_000;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final List<VaultInfo> VAULTS =
            List.of(
                    new VaultInfo("v-ops", "t", "Ops", 1, "ADMIN"),
                    new VaultInfo("v-dev", "t", "Dev", 1, "ADMIN"));
    static List<ItemView> views;
    static ItemCatalog catalog;

    @BeforeAll
    static void build() {
        views = new ArrayList<>();
        Instant now = CLOCK.instant();
        for (int i = 0; i < ITEMS; i++) {
            String n = String.format("%05d", i);
            ItemContent.Builder b;
            if (i % 10 == 9) {
                b = ItemContent.builder(new ApiKey("AKIA" + n, secret("k" + n)), "Key " + n, now);
            } else {
                b =
                        ItemContent.builder(
                                new Login(
                                        "user" + n,
                                        secret("pw" + n),
                                        List.of("https://host" + n + ".example.com"),
                                        null),
                                "Service " + n,
                                now);
            }
            b.tags(List.of(i % 2 == 0 ? "even" : "odd"));
            if (i % 1000 == 0) {
                b.rotation(new RotationPolicy(30, LocalDate.of(2026, 1, 1)));
            }
            String vault = i < ITEMS / 2 ? "v-ops" : "v-dev";
            views.add(new ItemView(vault, "i" + n, 1, false, false, "me", b.build()));
        }
        catalog = ItemCatalog.of(VAULTS, views, CLOCK);
    }

    @AfterAll
    static void wipe() {
        views.forEach(ItemView::close);
    }

    private static SecretText secret(String s) {
        return SecretText.copyOf(s.toCharArray());
    }

    private static List<String> names(List<ItemSummary> list) {
        return list.stream().map(ItemSummary::name).toList();
    }

    @Test
    void listsEveryItemSortedByName() {
        assertThat(catalog.size()).isEqualTo(ITEMS);
        assertThat(catalog.all().get(0).name()).isEqualTo("Key 00009");
        assertThat(catalog.all().get(ITEMS - 1).name()).isEqualTo("Service 09998");
        assertThat(catalog.search("  ")).hasSize(ITEMS);
    }

    @Test
    void findsByNameUsernameUrlAndTag() {
        assertThat(names(catalog.search("service 0420")).get(0)).isEqualTo("Service 04200");
        assertThat(names(catalog.search("user07777"))).containsExactly("Service 07777");
        assertThat(names(catalog.search("host01234.example"))).containsExactly("Service 01234");
        assertThat(catalog.search("odd")).hasSize(ITEMS / 2);
        assertThat(catalog.search("odd key")).hasSize(ITEMS / 10);
        assertThat(catalog.search("no-such-thing")).isEmpty();
    }

    @Test
    void summariesCarryNoSecretAndShowTheUsername() {
        ItemSummary s = catalog.search("user00042").get(0);
        assertThat(s.subtitle()).isEqualTo("user00042 · Login");
        assertThat(s.toString()).doesNotContain("pw00042");
        assertThat(catalog.search("pw00042")).isEmpty(); // secrets are not searchable
    }

    @Test
    void scopesByVaultAndRotationDue() {
        assertThat(catalog.all().stream().filter(x -> x.vaultId().equals("v-dev")))
                .hasSize(ITEMS / 2);
        List<ItemSummary> due = catalog.all().stream().filter(catalog::rotationDue).toList();
        assertThat(names(due))
                .containsExactlyInAnyOrder(
                        "Service 00000",
                        "Service 01000",
                        "Service 02000",
                        "Service 03000",
                        "Service 04000",
                        "Service 05000",
                        "Service 06000",
                        "Service 07000",
                        "Service 08000",
                        "Service 09000");
    }
}
