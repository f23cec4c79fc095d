package dev.strongroom.desktop;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/**
 * Finds controls without an accessible name: every {@link Control} we put on screen (not the skins'
 * internal parts, and not plain labels, whose text is their name) must carry {@code
 * accessibleText}.
 */
final class AccessibleNames {

    private AccessibleNames() {}

    static List<String> missing(Parent root) {
        List<String> out = new ArrayList<>();
        visit(root, out);
        return out;
    }

    private static void visit(Node node, List<String> out) {
        if (node instanceof Control control) {
            if (!(control instanceof Label)
                    && !control.getStyleClass().contains("list-cell")
                    && (control.getAccessibleText() == null
                            || control.getAccessibleText().isBlank())) {
                out.add(control.getClass().getSimpleName() + "#" + control.getId());
            }
            // Containers that are controls: their content is ours; other skins' parts are not.
            if (control instanceof javafx.scene.control.ScrollPane scroll
                    && scroll.getContent() != null) {
                visit(scroll.getContent(), out);
            } else if (control instanceof javafx.scene.control.SplitPane split) {
                split.getItems().forEach(n -> visit(n, out));
            } else if (control instanceof javafx.scene.control.ToolBar bar) {
                bar.getItems().forEach(n -> visit(n, out));
            } else if (control instanceof javafx.scene.control.TabPane tabs) {
                tabs.getTabs().stream()
                        .filter(t -> t.getContent() instanceof Parent)
                        .forEach(t -> visit(t.getContent(), out));
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, out);
            }
        }
    }
}
