package dev.strongroom.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects per-vector failures so a vector file runs to the end and reports every failing case in
 * one assertion (the Tink/Wycheproof way), and checks that the expected number of cases ran.
 */
public final class Failures {

    private final String suite;
    private final List<String> failures = new ArrayList<>();
    private int checked;

    public Failures(String suite) {
        this.suite = suite;
    }

    public void check(boolean ok, String caseId, String detail) {
        checked++;
        if (!ok) {
            failures.add(caseId + ": " + detail);
        }
    }

    public void fail(String caseId, String detail) {
        check(false, caseId, detail);
    }

    public void pass() {
        checked++;
    }

    public int checked() {
        return checked;
    }

    /** Asserts no case failed and that exactly {@code expectedCases} were checked. */
    public void assertAllPassed(int expectedCases) {
        assertThat(failures).as(suite + " failures").isEmpty();
        assertThat(checked).as(suite + " cases checked").isEqualTo(expectedCases);
    }
}
