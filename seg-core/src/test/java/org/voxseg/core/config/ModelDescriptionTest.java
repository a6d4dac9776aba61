package org.voxseg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model.json} of earlier formats still reads: format 3 called the prediction section {@code inference}. */
class ModelDescriptionTest {

    @TempDir
    Path dir;

    @Test
    void aFormat3ModelJsonReadsItsInferenceSectionAsThePredictionDefaults() throws IOException {
        RunConfig config = RunConfig.builder().prediction(PredictionConfig.builder().overlap(0.7).tta(true).build())
                .build();
        ModelDescription written = ModelDescription.of(config);
        String text = ConfigJson.text(written);
        String format3 = text.replaceFirst("\"format\" : 4", "\"format\" : 3").replace("\"prediction\"",
                "\"inference\"");
        assertNotEquals(text, format3, "the test rewrites the file");
        Path file = Files.writeString(dir.resolve(ModelDescription.FILE), format3);

        ModelDescription read = ModelDescription.read(file);

        assertEquals(3, read.format());
        assertEquals(written.prediction(), read.prediction());
        assertEquals(0.7, read.prediction().overlap());
    }
}
