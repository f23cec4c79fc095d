package dev.strongroom.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.strongroom.crypto.aead.Aead;
import dev.strongroom.crypto.aead.AeadAlgorithm;
import dev.strongroom.crypto.common.SymmetricKey;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server holds no key that can decrypt anything (DESIGN.md): its classes may not touch
 * client-core, nor any decrypt path of crypto-core (AEAD, envelopes, HPKE, password KDFs, Shamir
 * and SLIP-39, the key hierarchy). The only crypto it may use is what authenticates and verifies:
 * SRP server, Ed25519 verification, hashes and MACs, randomness, KDF parameter records (to enforce
 * floors), and the shared exception types.
 */
class ServerHoldsNoKeysArchitectureTest {

    private static final JavaClasses SERVER =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.strongroom.server");

    /** Crypto-core classes the server may depend on directly. */
    private static final Set<String> ALLOWED_KDF =
            Set.of(
                    "dev.strongroom.crypto.kdf.Argon2idParams",
                    "dev.strongroom.crypto.kdf.Pbkdf2Params",
                    "dev.strongroom.crypto.kdf.KdfParams");

    static final DescribedPredicate<JavaClass> DECRYPT_PATH =
            new DescribedPredicate<JavaClass>("are client-core or a crypto-core decrypt path") {
                @Override
                public boolean test(JavaClass c) {
                    String p = c.getPackageName();
                    if (p.startsWith("dev.strongroom.client")) {
                        return true;
                    }
                    if (p.equals("dev.strongroom.crypto.kdf")) {
                        return !ALLOWED_KDF.contains(c.getName());
                    }
                    return p.startsWith("dev.strongroom.crypto.aead")
                            || p.startsWith("dev.strongroom.crypto.envelope")
                            || p.startsWith("dev.strongroom.crypto.hpke")
                            || p.startsWith("dev.strongroom.crypto.slip39")
                            || p.startsWith("dev.strongroom.crypto.shamir")
                            || p.startsWith("dev.strongroom.crypto.keys")
                            || p.startsWith("dev.strongroom.crypto.generate");
                }
            };

    static final ArchRule NO_DECRYPT_PATH =
            noClasses()
                    .that()
                    .resideInAPackage("dev.strongroom.server..")
                    .should()
                    .dependOnClassesThat(DECRYPT_PATH);

    static final ArchRule ONLY_VERIFYING_CRYPTO =
            noClasses()
                    .that()
                    .resideInAPackage("dev.strongroom.server..")
                    .should()
                    .dependOnClassesThat(
                            new DescribedPredicate<JavaClass>(
                                    "are crypto-core classes outside the allow-list") {
                                @Override
                                public boolean test(JavaClass c) {
                                    String p = c.getPackageName();
                                    if (!p.startsWith("dev.strongroom.crypto")) {
                                        return false;
                                    }
                                    return !(p.equals("dev.strongroom.crypto.api")
                                            || p.equals("dev.strongroom.crypto.common")
                                            || p.equals("dev.strongroom.crypto.mac")
                                            || p.equals("dev.strongroom.crypto.srp")
                                            || c.getName()
                                                    .equals("dev.strongroom.crypto.asym.Ed25519")
                                            || c.getName()
                                                    .equals(
                                                            "dev.strongroom.crypto.asym.Ed25519PublicKey")
                                            || ALLOWED_KDF.contains(c.getName()));
                                }
                            });

    @Test
    void theRulesSeeTheRealServer() {
        assertThat(SERVER.size()).isGreaterThan(40);
        assertThat(SERVER.contain("dev.strongroom.server.accounts.Logins")).isTrue();
    }

    @Test
    void serverCodeTouchesNoDecryptPath() {
        NO_DECRYPT_PATH.check(SERVER);
    }

    @Test
    void serverCodeUsesOnlyAuthenticatingCrypto() {
        ONLY_VERIFYING_CRYPTO.check(SERVER);
    }

    /** A class that would break the rule, to prove the rule is not vacuous. */
    static final class WouldDecrypt {
        byte[] open(SymmetricKey key, byte[] nonce, byte[] ct) {
            return Aead.open(AeadAlgorithm.values()[0], key, nonce, ct, new byte[0]);
        }
    }

    @Test
    void theRuleCatchesADecryptCall() {
        JavaClasses offender = new ClassFileImporter().importClasses(WouldDecrypt.class);
        ArchRule sameRule =
                noClasses()
                        .that()
                        .haveSimpleName("WouldDecrypt")
                        .should()
                        .dependOnClassesThat(DECRYPT_PATH);
        assertThatThrownBy(() -> sameRule.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Aead");
    }
}
