package dev.strongroom.bench.desktop;

import dev.strongroom.desktop.main.MainController;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/**
 * Search keystroke to updated list: each step sets the search field's text on the FX thread (as a
 * typed character does), then times the moment the list shows the result (the first change of its
 * items, or the app's {@link MainController#RESULTS_SHOWN} counter, raised after every applied
 * result, also one equal to the list already shown, which the app then leaves untouched) and the
 * next pulse's layout after it (the frame that shows it). Types a query letter by letter, then
 * deletes it.
 *
 * <p>Two keystroke timings: right after the previous step's frame (the old figure: the wait for the
 * next 60 Hz pulse is then nearly a whole period, the worst case) and at a random moment of the
 * pulse period (a 0-16.7 ms pause first), as a person typing hits it. A first pass warms the JIT
 * and is not counted; the counted passes alternate the two timings.
 */
final class SearchRounds {

    // every prefix of these matches some items
    static final String[] QUERIES = {"github", "postgres redis", "user-1", "https://vpn"};
    static final int PASSES = 2;
    static final long PULSE_NANOS = 16_666_667;

    private final Scene scene;
    private final Random random = new Random(8);

    SearchRounds(Scene scene) {
        this.scene = scene;
    }

    void run() throws Exception {
        Figures warmup = new Figures();
        Figures afterFrame = new Figures();
        Figures randomPhase = new Figures();
        pass(warmup, false);
        for (int p = 0; p < PASSES; p++) {
            pass(afterFrame, false);
            pass(randomPhase, true);
        }
        report("right after a frame", afterFrame);
        report("at a random moment", randomPhase);
    }

    private void pass(Figures into, boolean randomPhase) throws Exception {
        for (String q : QUERIES) {
            for (int i = 1; i <= q.length(); i++) {
                step(q.substring(0, i), into, randomPhase);
            }
            for (int i = q.length() - 1; i >= 0; i--) {
                step(q.substring(0, i), into, randomPhase);
            }
        }
    }

    private static final class Figures {
        final List<Double> model = new ArrayList<>();
        final List<Double> frame = new ArrayList<>();
        int unchanged;
    }

    private void report(String timing, Figures f) {
        System.out.printf(
                Locale.ROOT,
                "SEARCH (keystroke %s) keystroke -> list model updated: median %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms; -> next laid-out frame: median %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms (%d keystrokes, %d of them left the list unchanged;"
                        + " target <= 16 ms) | load %s%n",
                timing,
                DesktopBench.median(f.model),
                p95(f.model),
                max(f.model),
                DesktopBench.median(f.frame),
                p95(f.frame),
                max(f.frame),
                f.model.size(),
                f.unchanged,
                DesktopBench.load());
    }

    @SuppressWarnings("unchecked")
    private void step(String text, Figures into, boolean randomPhase) throws Exception {
        if (randomPhase) {
            long pause = (long) (random.nextDouble() * PULSE_NANOS);
            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
        }
        long[] start = new long[1];
        long[] shown = new long[1];
        long[] painted = new long[1];
        boolean[] changed = new boolean[1];
        CountDownLatch[] latch = new CountDownLatch[1];
        ListView<Object>[] list = new ListView[1];
        MapChangeListener<Object, Object>[] marker = new MapChangeListener[1];
        ListChangeListener<Object>[] items = new ListChangeListener[1];
        FxProbe.fx(
                () -> {
                    list[0] = (ListView<Object>) scene.lookup("#itemList");
                    TextField field = (TextField) scene.lookup("#searchField");
                    marker[0] =
                            c -> {
                                if (MainController.RESULTS_SHOWN.equals(c.getKey())
                                        && shown[0] == 0) {
                                    shown[0] = System.nanoTime();
                                }
                            };
                    // an app without the counter (an older build, for an A/B run) changes the
                    // list on every keystroke: the first of the two is the update
                    items[0] =
                            c -> {
                                changed[0] = true;
                                if (shown[0] == 0) {
                                    shown[0] = System.nanoTime();
                                }
                            };
                    list[0].getProperties().addListener(marker[0]);
                    list[0].getItems().addListener(items[0]);
                    latch[0] = FxProbe.atPulse(scene, () -> shown[0] != 0, painted);
                    start[0] = System.nanoTime();
                    field.setText(text);
                });
        try {
            FxProbe.await(latch[0], "the list for '" + text + "'", 10);
        } finally {
            FxProbe.fx(
                    () -> {
                        list[0].getProperties().removeListener(marker[0]);
                        list[0].getItems().removeListener(items[0]);
                    });
        }
        into.model.add(DesktopBench.ms(start[0], shown[0]));
        into.frame.add(DesktopBench.ms(start[0], painted[0]));
        if (!changed[0]) {
            into.unchanged++;
        }
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
