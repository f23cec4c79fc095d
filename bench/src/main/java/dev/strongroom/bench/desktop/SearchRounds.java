package dev.strongroom.bench.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/**
 * Search keystroke to updated list: each step sets the search field's text on the FX thread (as a
 * typed character does) and waits for the item list's content to change (the model update) and for
 * the next pulse's layout after it (the frame that shows it). Types a query letter by letter, then
 * deletes it, several times.
 */
final class SearchRounds {

    // every prefix of these matches some items: an empty result twice in a row changes nothing
    static final String[] QUERIES = {"github", "postgres redis", "user-1", "https://vpn"};
    static final int REPEATS = 3;

    private final Scene scene;

    SearchRounds(Scene scene) {
        this.scene = scene;
    }

    void run() throws Exception {
        List<Double> model = new ArrayList<>();
        List<Double> frame = new ArrayList<>();
        for (int rep = 0; rep < REPEATS; rep++) {
            for (String q : QUERIES) {
                for (int i = 1; i <= q.length(); i++) {
                    step(q.substring(0, i), model, frame);
                }
                for (int i = q.length() - 1; i >= 0; i--) {
                    step(q.substring(0, i), model, frame);
                }
            }
        }
        // the first round warms the JIT; report all but it
        int skip = model.size() / REPEATS;
        List<Double> m = model.subList(skip, model.size());
        List<Double> f = frame.subList(skip, frame.size());
        System.out.printf(
                Locale.ROOT,
                "SEARCH keystroke -> list model updated: median %.1f ms, p95 %.1f ms, max %.1f ms;"
                        + " -> next laid-out frame: median %.1f ms, p95 %.1f ms, max %.1f ms"
                        + " (%d keystrokes, target <= 16 ms) | load %s%n",
                DesktopBench.median(m),
                p95(m),
                max(m),
                DesktopBench.median(f),
                p95(f),
                max(f),
                m.size(),
                DesktopBench.load());
    }

    @SuppressWarnings("unchecked")
    private void step(String text, List<Double> model, List<Double> frame) throws Exception {
        long[] start = new long[1];
        long[] updated = new long[1];
        long[] painted = new long[1];
        CountDownLatch[] latch = new CountDownLatch[1];
        ListView<Object>[] list = new ListView[1];
        ListChangeListener<Object>[] listener = new ListChangeListener[1];
        javafx.beans.value.ChangeListener<Object>[] replaced =
                new javafx.beans.value.ChangeListener[1];
        FxProbe.fx(
                () -> {
                    list[0] = (ListView<Object>) scene.lookup("#itemList");
                    TextField field = (TextField) scene.lookup("#searchField");
                    listener[0] =
                            c -> {
                                if (updated[0] == 0) {
                                    updated[0] = System.nanoTime();
                                }
                            };
                    // The app may change the list in place or set a new one: either counts.
                    list[0].getItems().addListener(listener[0]);
                    replaced[0] =
                            (obs, old, now) -> {
                                if (updated[0] == 0) {
                                    updated[0] = System.nanoTime();
                                }
                            };
                    list[0].itemsProperty().addListener(replaced[0]);
                    latch[0] = FxProbe.atPulse(scene, () -> updated[0] != 0, painted);
                    start[0] = System.nanoTime();
                    field.setText(text);
                });
        DesktopBench.await(latch[0], "the list for '" + text + "'");
        FxProbe.fx(
                () -> {
                    list[0].getItems().removeListener(listener[0]);
                    list[0].itemsProperty().removeListener(replaced[0]);
                });
        model.add(DesktopBench.ms(start[0], updated[0]));
        frame.add(DesktopBench.ms(start[0], painted[0]));
    }

    private static double p95(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get((int) Math.ceil(0.95 * s.size()) - 1);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(d -> d).max().orElse(0);
    }
}
