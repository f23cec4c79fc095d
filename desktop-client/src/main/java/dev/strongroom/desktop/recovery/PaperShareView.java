package dev.strongroom.desktop.recovery;

import dev.strongroom.desktop.common.Views;
import java.util.Arrays;
import javafx.fxml.FXML;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;

/**
 * Paper-share export: this approver's share as SLIP-39 words, shown on request and printed from a
 * separate print layout. Showing words necessarily puts them in a Label as a String (as Reveal
 * does); the char[] from client-core is wiped at once and the words are cleared when the tab hides
 * them or the window closes.
 */
final class PaperShareView implements RecoveryView {

    @FXML private Button showWordsButton;
    @FXML private Button printButton;
    @FXML private Button hideWordsButton;
    @FXML private StackPane sheetHost;

    private final RecoveryContext ctx;
    private final Parent view;
    private Node sheet;

    PaperShareView(RecoveryContext ctx) {
        this.ctx = ctx;
        this.view = Views.load(this, "paper-share.fxml");
    }

    @FXML
    private void initialize() {
        showWordsButton.setOnAction(e -> showWords());
        hideWordsButton.setOnAction(e -> hide());
        printButton.setOnAction(e -> print());
        printButton.setDisable(true);
    }

    @Override
    public String title() {
        return "Paper share";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void show(String teamId) {
        hide();
    }

    private void showWords() {
        String team = ctx.teamId();
        ctx.run(
                () -> {
                    char[] words = ctx.desk().exportShare(team);
                    try {
                        return PaperShareSheet.build(teamName(team), ctx.desk().email(), words);
                    } finally {
                        Arrays.fill(words, '\0');
                    }
                },
                node -> {
                    sheet = node;
                    sheetHost.getChildren().setAll(node);
                    printButton.setDisable(false);
                    ctx.say("Write these words down or print them; keep them offline.");
                });
    }

    private String teamName(String teamId) {
        return ctx.desk().teams().stream()
                .filter(t -> t.teamId().equals(teamId))
                .map(t -> t.name())
                .findFirst()
                .orElse(teamId);
    }

    @Override
    public void hide() {
        sheet = null;
        sheetHost.getChildren().clear();
        printButton.setDisable(true);
    }

    /** The system print dialog on the sheet node (a fresh layout meant for paper). */
    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            ctx.say("No printer is available; write the words down instead.");
            return;
        }
        if (job.showPrintDialog(ctx.app().stage()) && job.printPage(sheet)) {
            job.endJob();
            ctx.say("Printed.");
        } else {
            job.cancelJob();
        }
    }

    /** The sheet on display (tests build it without printing). */
    Node sheet() {
        return sheet;
    }
}
