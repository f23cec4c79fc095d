package dev.strongroom.desktop.audit;

/** A "who" choice of the audit filter: a member or machine account of the team, or anyone. */
record Actor(String id, String label) {

    static final Actor ANYONE = new Actor(null, "Anyone");

    @Override
    public String toString() {
        return label;
    }
}
