package dev.strongroom.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import org.junit.jupiter.api.Test;

class Argon2EnginesTest {

    private static final InsecureArgon2Costs TINY =
            new InsecureArgon2Costs(Argon2Type.ARGON2ID, 16, 1, 1, 32);

    @Test
    void autoPicksNativeOnThisPlatform() {
        assertThat(Argon2Engines.select("auto").name()).isEqualTo(NativeArgon2Engine.NAME);
        assertThat(Argon2id.engineName()).isEqualTo(NativeArgon2Engine.NAME);
    }

    @Test
    void propertyCanForceEitherEngine() {
        assertThat(Argon2Engines.select("java").name()).isEqualTo(BouncyCastleArgon2Engine.NAME);
        assertThat(Argon2Engines.select(" Native ").name()).isEqualTo(NativeArgon2Engine.NAME);
    }

    @Test
    void unknownPreferenceFailsOnUseInsteadOfGuessing() {
        Argon2Engine engine = Argon2Engines.select("fastest");
        assertThat(engine.name()).isEqualTo("unavailable");
        assertThatThrownBy(() -> engine.hash(TINY, new byte[] {1}, new byte[8], null, null))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("strongroom.argon2.engine");
    }

    @Test
    void specLimitsStillApplyOnTheInsecurePath() {
        assertThatThrownBy(() -> new InsecureArgon2Costs(Argon2Type.ARGON2ID, 31, 1, 4, 32))
                .isInstanceOf(ParameterRejectedException.class)
                .hasMessageContaining("8 x parallelism");
        assertThatThrownBy(() -> new InsecureArgon2Costs(Argon2Type.ARGON2ID, 8, 0, 1, 32))
                .isInstanceOf(ParameterRejectedException.class);
        assertThatThrownBy(() -> new InsecureArgon2Costs(Argon2Type.ARGON2ID, 8, 1, 0, 32))
                .isInstanceOf(ParameterRejectedException.class);
        assertThatThrownBy(() -> new InsecureArgon2Costs(Argon2Type.ARGON2ID, 8, 1, 1, 3))
                .isInstanceOf(ParameterRejectedException.class);
    }

    @Test
    void productCostsAreArgon2idWith32ByteTag() {
        assertThat(InsecureArgon2Costs.of(Argon2idParams.DEFAULT))
                .isEqualTo(new InsecureArgon2Costs(Argon2Type.ARGON2ID, 65536, 3, 4, 32));
    }
}
