package dev.strongroom.server.audit;

/**
 * Who did something: an account, a machine account, an anonymous caller (known only by network
 * address), or the server itself (start-up, maintenance commands).
 */
public record Actor(String kind, String id, String address) {

    public static final String ACCOUNT = "account";
    public static final String MACHINE = "machine";
    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    public static Actor account(String accountId, String address) {
        return new Actor(ACCOUNT, accountId, address);
    }

    public static Actor machine(String machineId, String address) {
        return new Actor(MACHINE, machineId, address);
    }

    public static Actor anonymous(String address) {
        return new Actor(ANONYMOUS, null, address);
    }

    public static Actor system() {
        return new Actor(SYSTEM, null, null);
    }
}
