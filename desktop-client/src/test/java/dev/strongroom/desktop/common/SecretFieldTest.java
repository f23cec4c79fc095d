package dev.strongroom.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The secret is typed into a char array; the control itself only ever holds placeholders. */
@ExtendWith(ApplicationExtension.class)
class SecretFieldTest {

    private SecretField field;

    @Start
    void start(Stage stage) {
        field = new SecretField();
        field.setId("secret");
        stage.setScene(new Scene(new VBox(field), 300, 80));
        stage.show();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void typedCharactersLiveOnlyInTheArray(FxRobot robot) throws Exception {
        robot.clickOn("#secret").write("s3cret!");
        char[] typed = fx(field::copyChars);
        assertThat(new String(typed)).isEqualTo("s3cret!");
        Arrays.fill(typed, '\0');
        String inControl = fx(() -> field.getText());
        assertThat(inControl).hasSize(7).doesNotContain("s", "3", "c", "r", "e", "t", "!");
    }

    @Test
    void editingInTheMiddleAndDeletingKeepTheArrayInStep(FxRobot robot) throws Exception {
        robot.clickOn("#secret").write("abcd");
        robot.push(KeyCode.LEFT).push(KeyCode.LEFT).push(KeyCode.BACK_SPACE).write("XY");
        assertThat(new String(fx(field::copyChars))).isEqualTo("aXYcd");
        robot.push(KeyCode.HOME).push(KeyCode.DELETE);
        assertThat(new String(fx(field::copyChars))).isEqualTo("XYcd");
        robot.push(KeyCode.CONTROL, KeyCode.Z); // undo is disabled: it would replay placeholders
        assertThat(new String(fx(field::copyChars))).isEqualTo("XYcd");
        assertThat(fx(field::getLength)).isEqualTo(4);
    }

    @Test
    void wipeEmptiesBothAndSetSecretShowsTheLength(FxRobot robot) throws Exception {
        fx(
                () -> {
                    field.setSecret("preset".toCharArray());
                    return null;
                });
        assertThat(fx(field::getLength)).isEqualTo(6);
        assertThat(new String(fx(field::copyChars))).isEqualTo("preset");
        fx(
                () -> {
                    field.wipe();
                    return null;
                });
        assertThat(fx(field::secretLength)).isZero();
        String text = fx(field::getText);
        assertThat(text).isEmpty();
        Object secret = fx(field::toSecretText);
        assertThat(secret).isNull();
    }
}
