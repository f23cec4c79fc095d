package dev.strongroom.cli.vault;

/**
 * A self-signed EC certificate (CN=cli.test, ten years from 2026-11-23) and its key, by openssl.
 */
final class CertFixture {

    static final String PEM =
            ""
                    + "-----BEGIN CERTIFICATE-----\n"
                    + "MIIBezCCASGgAwIBAgIUBKy4bLhgG89Lw0ZnmQIIclAe47AwCgYIKoZIzj0EAwIw\n"
                    + "EzERMA8GA1UEAwwIY2xpLnRlc3QwHhcNMjYxMTIzMTQyMjE3WhcNMzYxMTIwMTQy\n"
                    + "MjE3WjATMREwDwYDVQQDDAhjbGkudGVzdDBZMBMGByqGSM49AgEGCCqGSM49AwEH\n"
                    + "A0IABE+PdJyXrrLIklVDAhLFtreu/d4BuTJNh+TD2vzH9w7rh9vlT5kFKM1B28rc\n"
                    + "vyt6p6/CC0uBmw0Gs13rpFLnDy+jUzBRMB0GA1UdDgQWBBSJc/G1raekOpn6klJ+\n"
                    + "BarfDvVUaTAfBgNVHSMEGDAWgBSJc/G1raekOpn6klJ+BarfDvVUaTAPBgNVHRMB\n"
                    + "Af8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIEMqdwTg8L71HHYwh8hOvy7KFl8o\n"
                    + "ZBTy5gYtltAu+IbqAiEA2m5Kl55xZOihUzqhu3nuIEEerAsppnNdVe3b60B3UMg=\n"
                    + "-----END CERTIFICATE-----\n"
                    + "-----BEGIN PRIVATE KEY-----\n"
                    + "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg0lJ5AgbqigGtSHeO\n"
                    + "x52InvDsnhKsP1AJ3rMJ2+DI3sKhRANCAARPj3Scl66yyJJVQwISxba3rv3eAbky\n"
                    + "TYfkw9r8x/cO64fb5U+ZBSjNQdvK3L8reqevwgtLgZsNBrNd66RS5w8v\n"
                    + "-----END PRIVATE KEY-----\n";

    private CertFixture() {}
}
