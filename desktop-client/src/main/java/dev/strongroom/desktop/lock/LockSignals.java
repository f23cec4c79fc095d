package dev.strongroom.desktop.lock;

/**
 * Recognises the desktop's "the session is locking" signals in {@code gdbus monitor} output:
 * logind's {@code Session.Lock} (for this session, when {@code XDG_SESSION_ID} is known), logind's
 * {@code PrepareForSleep(true)}, and the screensaver's {@code ActiveChanged(true)} (freedesktop and
 * GNOME names). Lines look like {@code /org/freedesktop/login1/session/_32:
 * org.freedesktop.login1.Session.Lock ()}.
 */
public final class LockSignals {

    private final String sessionPath;

    /**
     * @param sessionId {@code XDG_SESSION_ID}, or null to take a Lock of any session
     */
    public LockSignals(String sessionId) {
        this.sessionPath =
                sessionId == null || sessionId.isEmpty()
                        ? null
                        : "/org/freedesktop/login1/session/" + escape(sessionId);
    }

    public boolean locks(String line) {
        if (line.contains("org.freedesktop.login1.Session.Lock ")) {
            return sessionPath == null || line.startsWith(sessionPath + ":");
        }
        if (line.contains("org.freedesktop.login1.Manager.PrepareForSleep (true")) {
            return true;
        }
        return line.contains("ScreenSaver.ActiveChanged (true");
    }

    /** systemd's bus path escaping: every byte outside [A-Za-z0-9], and a leading digit, as _xx. */
    static String escape(String label) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean plain =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9' && i > 0);
            if (plain) {
                out.append(c);
            } else {
                out.append('_').append(String.format("%02x", (int) c));
            }
        }
        return out.toString();
    }
}
