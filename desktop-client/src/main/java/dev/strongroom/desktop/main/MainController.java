package dev.strongroom.desktop.main;

import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.desktop.alerts.AlertGate;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.Navigator;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.desktop.audit.AuditWindow;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.desktop.items.DetailController;
import dev.strongroom.desktop.items.ItemCatalog;
import dev.strongroom.desktop.items.ItemFilter;
import dev.strongroom.desktop.items.ItemSummary;
import dev.strongroom.desktop.items.TypeEditors;
import dev.strongroom.desktop.items.TypeNames;
import dev.strongroom.desktop.lock.SessionLockWatch;
import dev.strongroom.desktop.recovery.RecoveryEntry;
import dev.strongroom.desktop.settings.SettingsDialog;
import dev.strongroom.desktop.sync.SyncIndicator;
import dev.strongroom.desktop.teams.TeamsWindow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window: sidebar (all items, rotation due, exposed, vaults), the item list with instant
 * search, the detail pane, and the status bar (sync state, queued changes, security alerts). Wires
 * the keyboard shortcuts and auto-lock; every client-core call goes through the background worker.
 */
public final class MainController implements Shortcuts.Actions {

    static final javafx.util.Duration SYNC_EVERY = javafx.util.Duration.seconds(60);

    /**
     * Key in the item list's properties of a counter raised each time a search result is on
     * display, also when it equalled the list already shown: lets the desktop bench time keystroke
     * to list without depending on a list change that may not happen.
     */
    public static final String RESULTS_SHOWN = "strongroom.resultsShown";

    /**
     * Item list property: true once the catalog on display has its rotation and exposure marks
     * (after the first paint from the index, the full load follows on the worker).
     */
    public static final String CATALOG_COMPLETE = "strongroom.catalogComplete";

    @FXML private TextField searchField;
    @FXML private MenuButton newButton;
    @FXML private Button syncButton;
    @FXML private Button teamsButton;
    @FXML private Button auditButton;
    @FXML private Button settingsButton;
    @FXML private Button lockButton;
    @FXML private Label accountLabel;
    @FXML private ListView<SidebarEntry> sidebar;
    @FXML private ListView<ItemSummary> itemList;
    @FXML private Label countLabel;
    @FXML private StackPane detailHost;
    @FXML private Label statusLabel;
    @FXML private Label queuedLabel;
    @FXML private Label alertBanner;

    // break-glass badge, sync indicator, session lock (packages recovery, sync, lock)
    @FXML private Button recoveryButton;
    @FXML private Button syncIndicatorButton;
    private RecoveryEntry recovery;
    private SyncIndicator syncIndicator;
    private final SessionLockWatch sessionLock;

    private final AppContext context;
    private final Navigator navigator;
    private final OpenAccount account;
    private final Parent view;
    private final DetailController detail;
    private final ItemFilter filter = new ItemFilter();
    private final Shortcuts shortcuts = new Shortcuts(this);
    private final IdleLock idleLock;
    private final Timeline syncTimer;
    private final Clock clock = Clock.systemDefaultZone();
    private ItemCatalog catalog;
    private StatusBar status;
    private ItemActions actions;
    private String selectAfterFilter;
    private boolean disposed;
    private boolean updatingSidebar;
    private long resultsShown;

    // removed on dispose: the alert gate outlives this window, and kept the item catalog of every
    // locked session reachable through it
    private final ListChangeListener<AlertGate.Raised> alertsChanged = this::alertsChanged;

    public MainController(AppContext context, Navigator navigator, OpenAccount account) {
        this.context = context;
        this.navigator = navigator;
        this.account = account;
        this.detail = new DetailController(context);
        this.view = Views.load(this, "main.fxml");
        this.idleLock = new IdleLock(context, navigator::lock);
        this.sessionLock = new SessionLockWatch(navigator::lock);
        this.syncTimer = new Timeline(new KeyFrame(SYNC_EVERY, e -> sync(false)));
        syncTimer.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        detailHost.getChildren().setAll(detail.view());
        status = new StatusBar(statusLabel, queuedLabel, alertBanner);
        actions =
                new ItemActions(
                        context, account, detail, () -> catalog, this::refreshItem, status::say);
        detail.setActions(actions::edit, actions::history, actions::delete);
        accountLabel.setText(
                account.email()
                        + (account.connection().isLocal() ? " · local vault" : " · server"));
        for (ItemType type : TypeEditors.editable()) {
            MenuItem item = new MenuItem(TypeNames.of(type));
            item.setId("new-" + type.wireName());
            item.setOnAction(e -> newItem(type));
            newButton.getItems().add(item);
        }
        searchField.textProperty().addListener((o, a, b) -> refilter());
        sidebar.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> refilter());
        itemList.setCellFactory(list -> new ItemCell());
        itemList.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, b) -> detail.show(b, account.vaults()));
        syncButton.setOnAction(e -> sync(true));
        lockButton.setOnAction(e -> lock());
        settingsButton.setOnAction(e -> new SettingsDialog(context, navigator, account).show());
        // Teams and audit windows; a team change re-syncs so the sidebar shows new vaults.
        teamsButton.setOnAction(e -> new TeamsWindow(context, account, () -> sync(true)).show());
        auditButton.setOnAction(e -> new AuditWindow(context, account).show());
        context.alerts().raised().addListener(alertsChanged);
        status.alerts(context.alerts().raised());
        status.say("Loading items …");
        recovery = new RecoveryEntry(context, account, recoveryButton);
        syncIndicator = new SyncIndicator(context, account, syncIndicatorButton, () -> sync(true));
    }

    private void alertsChanged(ListChangeListener.Change<? extends AlertGate.Raised> change) {
        status.alerts(context.alerts().raised());
    }

    public Parent view() {
        return view;
    }

    /** Shortcuts, auto-lock, periodic sync and the first load. */
    public void start() {
        shortcuts.install(context.stage().getScene());
        idleLock.start();
        sessionLock.start();
        recovery.start();
        syncTimer.play();
        firstLoad();
        updateStatus();
    }

    /** Stops timers and search and wipes the item on display (called on lock and exit). */
    public void dispose() {
        disposed = true;
        shortcuts.uninstall(context.stage().getScene());
        idleLock.stop();
        sessionLock.stop();
        recovery.stop();
        syncTimer.stop();
        context.alerts().raised().removeListener(alertsChanged);
        filter.close();
        detail.dispose();
    }

    /**
     * Paints the list from client-core's item index first (no item decrypted when the cache has not
     * moved), then loads the full catalog with rotation and exposure marks.
     */
    private void firstLoad() {
        context.background()
                .run(
                        () -> {
                            ItemCatalog c = ItemCatalog.fromIndex(account.vaults(), clock);
                            account.vaults().releaseIndex(); // the catalog holds it now
                            return c;
                        },
                        c -> {
                            setCatalog(c, null);
                            reload(null);
                        },
                        failure -> reload(null));
    }

    private void reload(String selectRef) {
        if (disposed) {
            return;
        }
        context.background()
                .run(
                        () -> ItemCatalog.load(account.vaults(), account.openExposures(), clock),
                        c -> setCatalog(c, selectRef),
                        failure -> status.say("Could not read the vault: " + failure.getMessage()));
    }

    /** After a write: re-read just that item, then select it. */
    private void refreshItem(String vaultId, String itemId) {
        ItemCatalog base = catalog;
        if (disposed || base == null) {
            return;
        }
        context.background()
                .run(
                        () ->
                                base.with(
                                        account.vaults(),
                                        account.openExposures(),
                                        vaultId,
                                        itemId,
                                        clock),
                        c -> {
                            setCatalog(c, vaultId + "/" + itemId);
                            updateStatus();
                        },
                        failure -> reload(null));
    }

    private void setCatalog(ItemCatalog c, String selectRef) {
        if (disposed) {
            return;
        }
        catalog = c;
        itemList.getProperties().put(CATALOG_COMPLETE, c.complete());
        SidebarEntry selected = sidebar.getSelectionModel().getSelectedItem();
        List<SidebarEntry> entries = new ArrayList<>();
        entries.add(SidebarEntry.all());
        entries.add(SidebarEntry.rotationDue());
        entries.add(SidebarEntry.exposed());
        for (VaultInfo v : c.vaults()) {
            entries.add(SidebarEntry.vault(v.vaultId(), v.name()));
        }
        String want = selectRef != null ? selectRef : selectedRef();
        updatingSidebar = true;
        try {
            sidebar.getItems().setAll(entries);
            sidebar.getSelectionModel().select(Math.max(0, entries.indexOf(selected)));
        } finally {
            updatingSidebar = false;
        }
        selectAfterFilter = want;
        refilter();
    }

    private String selectedRef() {
        ItemSummary s = itemList.getSelectionModel().getSelectedItem();
        return s == null ? null : s.ref();
    }

    private void refilter() {
        if (catalog == null || disposed || updatingSidebar) {
            return;
        }
        SidebarEntry entry = sidebar.getSelectionModel().getSelectedItem();
        if (entry == null) {
            entry = SidebarEntry.all();
        }
        String want = selectAfterFilter != null ? selectAfterFilter : selectedRef();
        selectAfterFilter = null;
        filter.apply(
                catalog,
                searchField.getText(),
                entry.scope(catalog),
                items -> {
                    // an unchanged result (typing "githu" → "github") leaves the list alone
                    if (!sameItems(itemList.getItems(), items)) {
                        itemList.getItems().setAll(items);
                    }
                    countLabel.setText(items.size() + (items.size() == 1 ? " item" : " items"));
                    reselect(items, want);
                    resultsShown++;
                    itemList.getProperties().put(RESULTS_SHOWN, resultsShown);
                });
    }

    private static boolean sameItems(List<ItemSummary> shown, List<ItemSummary> next) {
        if (shown.size() != next.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (shown.get(i) != next.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void reselect(List<ItemSummary> items, String ref) {
        if (ref == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).ref().equals(ref)) {
                itemList.getSelectionModel().select(i);
                itemList.scrollTo(i);
                return;
            }
        }
    }

    // ---- actions ----

    private void newItem(ItemType type) {
        SidebarEntry entry = sidebar.getSelectionModel().getSelectedItem();
        actions.create(type, entry == null ? null : entry.vaultId());
    }

    /** Push and pull; the list is re-read when something changed or when the user asked. */
    private void sync(boolean manual) {
        if (disposed) {
            return;
        }
        if (context.alerts().syncBlocked()) {
            status.say("Syncing is stopped after a security alert. Lock and unlock to retry.");
            return;
        }
        status.say("Syncing …");
        context.background()
                .run(
                        () -> {
                            boolean changed = account.sync();
                            return changed || manual
                                    ? ItemCatalog.load(
                                            account.vaults(), account.openExposures(), clock)
                                    : null;
                        },
                        c -> {
                            if (c != null) {
                                setCatalog(c, null);
                            }
                            updateStatus();
                        },
                        failure -> status.say("Sync failed: " + failure.getMessage()));
    }

    /** Offline state, queued changes and conflicts, read on the worker. */
    private void updateStatus() {
        context.background()
                .run(
                        () -> new int[] {account.queuedChanges(), account.conflicts()},
                        counts -> {
                            if (!disposed) {
                                status.counts(account.isOffline(), counts[0], counts[1]);
                                syncIndicator.update(account.isOffline(), counts[0], counts[1]);
                            }
                        },
                        failure -> {});
    }

    // ---- shortcuts ----

    @Override
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @Override
    public void copyPassword() {
        if (detail.copyPassword()) {
            status.say(
                    "Copied. The clipboard is cleared in "
                            + context.settings().clipboardClear().toSeconds()
                            + " s.");
        }
    }

    @Override
    public void copyUsername() {
        if (detail.copyUsername()) {
            status.say("Username copied.");
        }
    }

    @Override
    public void lock() {
        navigator.lock();
    }

    @Override
    public void newItem() {
        newItem(ItemType.LOGIN);
    }

    /** Two-line list cell: name, then username or type (and a marker for unsynced edits). */
    private static final class ItemCell extends ListCell<ItemSummary> {
        private final Label name = new Label();
        private final Label sub = new Label();
        private final VBox box = new VBox(2, name, sub);

        ItemCell() {
            name.getStyleClass().add("item-name");
            sub.getStyleClass().add("item-sub");
        }

        @Override
        protected void updateItem(ItemSummary s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(s.name() + (s.pending() ? "  ⟳" : ""));
            sub.setText(s.subtitle());
            setAccessibleText(s.name() + ", " + s.subtitle());
            setGraphic(box);
        }
    }
}
