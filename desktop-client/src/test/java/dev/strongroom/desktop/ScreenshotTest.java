package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.item.RotationPolicy;
import dev.strongroom.client.item.SecureNote;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.desktop.app.DesktopApp;
import dev.strongroom.desktop.app.Settings;
import dev.strongroom.desktop.common.Themes;
import dev.strongroom.model.recovery.RecoveryScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxService;

/**
 * Saves PNG screenshots of the main screens into docs/screenshots/ (the surefire property {@code
 * strongroom.screenshots}), and checks on each screen that every control has an accessible name.
 * Items are added through client-core, as another device would, then pulled with "Sync".
 */
class ScreenshotTest {

    static final String USER = "lin@example.test";
    static final String SAM = "sam@example.test";

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();
    private DesktopApp app;
    private Stage stage;

    @Test
    void mainScreensAreCapturedAndNamed() throws Exception {
        app = desktop.app;
        stage = desktop.stage;
        DesktopHarness h = desktop.h;
        FxRobot robot = desktop.robot;
        Path dir = Path.of(System.getProperty("strongroom.screenshots", "target/screenshots"));
        Files.createDirectories(dir);

        h.waitUntil(() -> h.showing("#continueButton"));
        assertThat(AccessibleNames.missing(stage.getScene().getRoot())).isEmpty();
        capture(robot, stage.getScene().getRoot(), dir.resolve("first-run.png"));
        h.chooseLocalVault();
        robot.clickOn("#modeLink");
        capture(robot, stage.getScene().getRoot(), dir.resolve("create-account.png"));
        robot.clickOn("#modeLink");
        h.register(USER);

        addThroughClientCore();
        robot.clickOn("#syncButton");
        h.waitUntil(() -> h.listedNames().size() == 5);
        h.selectItem("GitHub");
        h.waitUntil(() -> h.showing("#totpCode"));
        capture(robot, stage.getScene().getRoot(), dir.resolve("main-light.png"));

        robot.clickOn("Rotation due");
        h.assertListed("Production database root");
        robot.clickOn("All items");
        h.selectItem("GitHub");
        h.waitUntil(() -> h.showing("#totpCode"));

        robot.clickOn("#editButton");
        h.waitUntil(() -> h.showing("#saveButton"));
        Parent editor = editorRoot();
        assertThat(AccessibleNames.missing(editor)).isEmpty();
        capture(robot, editor, dir.resolve("edit-login.png"));
        robot.clickOn("#cancelButton");

        robot.clickOn("#settingsButton");
        h.waitUntil(() -> h.showing("#settingsSave"));
        Parent settings = editorRoot();
        assertThat(AccessibleNames.missing(settings)).isEmpty();
        capture(robot, settings, dir.resolve("settings.png"));
        robot.clickOn("#settingsCancel");
        h.waitUntil(() -> !h.showing("#settingsSave"));

        try (CoreDevice sam =
                CoreDevice.register(
                        app.account().connection().endpoint(),
                        SAM,
                        desktop.others.resolve("sam"))) {
            String[] ids = teamsAndAudit(robot, h, dir);
            recovery(robot, h, dir, sam, ids[0], ids[1]);
        }
        conflict(robot, h, dir);

        robot.interact(
                () -> {
                    app.context().settings().setTheme(Settings.Theme.DARK);
                    Themes.apply(stage.getScene(), Settings.Theme.DARK);
                });
        capture(robot, stage.getScene().getRoot(), dir.resolve("main-dark.png"));
        robot.interact(
                () -> {
                    app.context().settings().setTheme(Settings.Theme.LIGHT);
                    Themes.apply(stage.getScene(), Settings.Theme.LIGHT);
                });
        assertThat(AccessibleNames.missing(stage.getScene().getRoot())).isEmpty();

        robot.interact(
                () ->
                        app.context()
                                .alerts()
                                .raise(
                                        new SecurityAlert(
                                                SecurityAlertCode.LOG_ROLLBACK,
                                                "team log ends at entry 4, pinned at 7")));
        h.waitUntil(() -> h.showing("#alertLockButton"));
        Parent alert = app.context().alerts().showingDialog().getScene().getRoot();
        assertThat(AccessibleNames.missing(alert)).isEmpty();
        capture(robot, alert, dir.resolve("security-alert.png"));
        robot.clickOn("#alertLockButton");
        h.waitUntil(() -> h.showing("#unlockButton"));
        assertThat(AccessibleNames.missing(stage.getScene().getRoot())).isEmpty();
        capture(robot, stage.getScene().getRoot(), dir.resolve("unlock.png"));

        for (String name :
                List.of(
                        "first-run.png",
                        "create-account.png",
                        "main-light.png",
                        "main-dark.png",
                        "edit-login.png",
                        "settings.png",
                        "security-alert.png",
                        "unlock.png",
                        "teams.png",
                        "audit.png",
                        "recovery.png",
                        "sync-changes.png",
                        "conflict.png")) {
            assertThat(Files.size(dir.resolve(name))).as(name).isGreaterThan(1000);
        }
    }

    /**
     * The Teams window (members of a team with a second member) and the audit viewer; returns the
     * team's and its vault's ids.
     */
    private String[] teamsAndAudit(FxRobot robot, DesktopHarness h, Path dir) {
        String[] ids =
                h.onAccount(
                        account -> {
                            var teams = account.teams();
                            String team = teams.createTeam("Platform");
                            String prod = account.vaults().createVault(team, "prod").vaultId();
                            teams.verify(SAM, teams.fingerprint(SAM).digits());
                            teams.addMember(team, SAM, dev.strongroom.model.log.Role.ADMIN);
                            account.sync();
                            return new String[] {team, prod};
                        });
        TeamScreens.openTeams(h);
        TeamScreens.clickCell(h, "#teamList", "Platform · Owner");
        TeamScreens.waitForCell(h, "#memberList", "sam@example.test");
        Parent teams = windowWith("#teamList");
        assertThat(AccessibleNames.missing(teams)).isEmpty();
        capture(robot, teams, dir.resolve("teams.png"));
        robot.clickOn("#closeTeamsButton");
        h.waitUntil(() -> !h.showing("#teamList"));

        robot.clickOn("#auditButton");
        h.waitUntil(() -> h.text("#chainLabel").startsWith("Chain verified"));
        h.waitUntil(() -> !TeamScreens.column(h, "#eventTable", 2).isEmpty());
        Parent audit = windowWith("#eventTable");
        assertThat(AccessibleNames.missing(audit)).isEmpty();
        capture(robot, audit, dir.resolve("audit.png"));
        robot.clickOn("#closeAuditButton");
        h.waitUntil(() -> !h.showing("#eventTable"));
        return ids;
    }

    /** The break-glass window's approvals inbox with Sam's request waiting for this user. */
    private void recovery(
            FxRobot robot, DesktopHarness h, Path dir, CoreDevice sam, String team, String prod) {
        sam.join(team, USER);
        h.onAccount(
                account ->
                        account.recovery()
                                .setup(
                                        team,
                                        List.of(account.session().accountId().toString(), sam.id()),
                                        2,
                                        24,
                                        true));
        sam.glass.request(
                team,
                new RecoveryScope(RecoveryScope.VAULT, prod),
                "Locked out of the prod root account during the outage");
        RecoveryScreens.open(h);
        RecoveryScreens.team(h, "Platform");
        RecoveryScreens.tab(h, "tab-approvals");
        robot.clickOn("#inboxRefresh");
        RecoveryScreens.waitShowing(h, () -> h.text("#inboxDetail").contains("outage"));
        RecoveryScreens.waitShowing(h, () -> RecoveryScreens.badge(h).equals("1"));
        Parent window = windowWith("#recoveryTabs");
        assertThat(AccessibleNames.missing(window)).isEmpty();
        capture(robot, window, dir.resolve("recovery.png"));
        robot.clickOn("#recoveryClose");
        h.waitUntil(() -> !h.showing("#recoveryTabs"));
    }

    /**
     * The sync view with one conflict, and the conflict dialog with both versions: the same item
     * edited on another device of this account and here.
     */
    private void conflict(FxRobot robot, DesktopHarness h, Path dir) {
        SyncConflict conflict =
                SyncConflict.add(
                        h,
                        vaults ->
                                vaults.listVaults().stream()
                                        .filter(v -> !v.name().equals("prod"))
                                        .findFirst()
                                        .orElseThrow()
                                        .vaultId(),
                        apiKey("Build token", "ghp-old-9f2c"));
        try (CoreDevice laptop = desktop.login(USER, "laptop")) {
            conflict.editOnBoth(
                    laptop,
                    apiKey("Build token (laptop)", "ghp-laptop-1a7e"),
                    apiKey("Build token (desk)", "ghp-desk-3c4d"));
        }
        conflict.openSyncDialog();
        Parent changes = windowWith("#conflictList");
        assertThat(AccessibleNames.missing(changes)).isEmpty();
        capture(robot, changes, dir.resolve("sync-changes.png"));
        conflict.openConflictDialog();
        Parent versions = windowWith("#versionsGrid");
        assertThat(AccessibleNames.missing(versions)).isEmpty();
        capture(robot, versions, dir.resolve("conflict.png"));
        conflict.keepMine();
        // fired, not clicked: the closing conflict dialog can still cover the button
        robot.interact(() -> robot.lookup("#changesClose").queryButton().fire());
        h.waitUntil(() -> robot.lookup("#conflictList").tryQuery().isEmpty());
    }

    private static ItemContent apiKey(String name, String secret) {
        return ItemContent.builder(new ApiKey("build", secret(secret)), name, Instant.now())
                .build();
    }

    private Parent windowWith(String query) {
        return DesktopHarness.fx(
                () ->
                        Window.getWindows().stream()
                                .filter(w -> w.isShowing() && w.getScene().lookup(query) != null)
                                .findFirst()
                                .orElseThrow()
                                .getScene()
                                .getRoot());
    }

    private Parent editorRoot() {
        return DesktopHarness.fx(
                () ->
                        Window.getWindows().stream()
                                .filter(w -> w != stage && w.isShowing())
                                .findFirst()
                                .orElseThrow()
                                .getScene()
                                .getRoot());
    }

    /** Adds sample items with client-core on the app's worker, like a second device would. */
    private void addThroughClientCore() throws Exception {
        VaultService vaults = app.account().vaults();
        Instant now = Instant.now();
        java.util.concurrent.CompletableFuture<Void> done =
                new java.util.concurrent.CompletableFuture<>();
        DesktopHarness.fx(
                () -> {
                    app.context()
                            .background()
                            .run(
                                    () -> {
                                        String v = vaults.listVaults().get(0).vaultId();
                                        add(
                                                vaults,
                                                v,
                                                login("GitHub", "octocat", "JBSWY3DPEHPK3PXP"),
                                                now,
                                                "GitHub");
                                        add(
                                                vaults,
                                                v,
                                                login("Grafana", "ops", null),
                                                now,
                                                "Grafana");
                                        add(
                                                vaults,
                                                v,
                                                new ApiKey(
                                                        "AKIAIOSFODNN7EXAMPLE",
                                                        secret("wJalrXUtnFEMI/K7MDENG")),
                                                now,
                                                "Stripe live key");
                                        add(
                                                vaults,
                                                v,
                                                new SecureNote(
                                                        secret("Door code 4711, alarm 0815")),
                                                now,
                                                "Office alarm");
                                        ItemContent due =
                                                ItemContent.builder(
                                                                login(
                                                                        "Production database root",
                                                                        "root",
                                                                        null),
                                                                "Production database root",
                                                                now)
                                                        .tags(List.of("prod", "db"))
                                                        .rotation(
                                                                new RotationPolicy(
                                                                        90,
                                                                        LocalDate.now()
                                                                                .minusDays(120)))
                                                        .build();
                                        vaults.add(v, due);
                                        due.close();
                                        done.complete(null);
                                    },
                                    done::completeExceptionally);
                    return null;
                });
        done.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static Login login(String name, String user, String totp) {
        return new Login(
                user,
                secret("pw-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-7Rq!"),
                List.of(
                        "https://"
                                + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
                                + ".example.com"),
                totp == null ? null : secret(totp));
    }

    private static void add(
            VaultService vaults, String vaultId, ItemData data, Instant now, String name) {
        try (ItemContent c = ItemContent.builder(data, name, now).tags(List.of("team")).build()) {
            vaults.add(vaultId, c);
        }
    }

    private static SecretText secret(String s) {
        return SecretText.copyOf(s.toCharArray());
    }

    private static void capture(FxRobot robot, Parent root, Path file) {
        robot.interact(() -> {});
        var image = robot.capture(root).getImage();
        FxService.serviceContext().getCaptureSupport().saveImage(image, file);
    }
}
