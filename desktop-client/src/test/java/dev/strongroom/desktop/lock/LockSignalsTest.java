package dev.strongroom.desktop.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gdbus monitor lines that lock the app, in the format gdbus prints them. */
class LockSignalsTest {

    @Test
    void logindLockOfThisSessionLocks() {
        LockSignals signals = new LockSignals("2");
        assertThat(
                        signals.locks(
                                "/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()"))
                .isTrue();
        assertThat(
                        signals.locks(
                                "/org/freedesktop/login1/session/_33: org.freedesktop.login1.Session.Lock ()"))
                .isFalse();
        assertThat(
                        signals.locks(
                                "/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Unlock ()"))
                .isFalse();
    }

    @Test
    void withoutASessionIdAnyLockLocks() {
        assertThat(
                        new LockSignals(null)
                                .locks(
                                        "/org/freedesktop/login1/session/c1: org.freedesktop.login1.Session.Lock ()"))
                .isTrue();
    }

    @Test
    void sleepAndScreensaverSignals() {
        LockSignals signals = new LockSignals("c1");
        assertThat(
                        signals.locks(
                                "/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (true,)"))
                .isTrue();
        assertThat(
                        signals.locks(
                                "/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (false,)"))
                .isFalse();
        assertThat(
                        signals.locks(
                                "/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (true,)"))
                .isTrue();
        assertThat(
                        signals.locks(
                                "/org/freedesktop/ScreenSaver: org.freedesktop.ScreenSaver.ActiveChanged (false,)"))
                .isFalse();
    }

    @Test
    void sessionIdsAreEscapedAsSystemdDoes() {
        assertThat(LockSignals.escape("2")).isEqualTo("_32");
        assertThat(LockSignals.escape("c12")).isEqualTo("c12");
        assertThat(LockSignals.escape("a-b")).isEqualTo("a_2db");
    }
}
