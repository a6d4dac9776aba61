package org.voxseg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values a config may not hold are refused when it is read, in one line naming the file and the key. */
class ConfigValuesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"training\": {\"epochs\": 2.5}}                          | training.epochs",
        "{\"training\": {\"epochs\": null}}                         | training.epochs",
        "{\"training\": {\"epochs\": 5, \"epochs\": 6}}             | epochs",
        "{\"dataset\": {\"channels\": [\"t1\", \"t1\", \"t2\", \"flair\"]}} | dataset",
        "{\"prediction\": {\"overlap\": 1.5}}                        | prediction",
        "{\"prediction\": {\"sw_batch_size\": 0}}                    | prediction",
        "{\"scheduler\": {\"name\": \"warmup_cosine\", \"warmup_steps\": -1}} | scheduler",
        "{\"scheduler\": {\"name\": \"reduce_on_plateau\", \"patience\": -2}} | scheduler",
        "{\"model\": {\"filters\": [0, 8], \"in_channels\": 4, \"out_channels\": 3}} | model",
        "{\"optimizer\": {\"clip_grad_norm\": -1}}                  | optimizer",
        "{\"training\": {\"patch_size\": [17, 16, 16]}}            | training.patch_size",
        "{\"training\": {\"freeze\": \"encoder[\", \"freeze_epochs\": 1}} | freeze",
        "{\"training\": {\"batch_size\": 0}}                        | batch_size must be positive, not 0",
        "{\"training\": {\"validation_overlap\": 1.0}}              | validation_overlap",
        "null                                                       | no settings",
    })
    void aBadValueIsRefusedNamingTheFileAndTheKey(String json, String key) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);

        ConfigException error = assertThrows(ConfigException.class, () -> RunConfig.read(file));

        assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(key), error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
    }
}
