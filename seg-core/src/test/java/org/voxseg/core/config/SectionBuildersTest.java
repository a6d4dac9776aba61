package org.voxseg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.core.network.NetworkConfig;
import org.voxseg.core.prediction.BlendMode;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Spacing;
import org.voxseg.data.transform.ChannelIntensities;
import org.voxseg.data.transform.DatasetNormalization;
import org.voxseg.data.transform.Normalization;

/** Each section's builder holds its defaults: an empty JSON section and an untouched builder agree. */
class SectionBuildersTest {

    @Test
    void builderDefaultsAreTheJsonDefaults() throws IOException {
        assertEquals(CrossValidationConfig.builder().build(), ConfigJson.parse("{}", CrossValidationConfig.class));
        assertEquals(PredictionConfig.builder().build(), ConfigJson.parse("{}", PredictionConfig.class));
        assertEquals(PreprocessingConfig.builder().build(), ConfigJson.parse("{}", PreprocessingConfig.class));
        assertEquals(AugmentationConfig.builder().build(), ConfigJson.parse("{}", AugmentationConfig.class));
        assertEquals(TrainingConfig.builder().build(), ConfigJson.parse("{}", TrainingConfig.class));
        assertEquals(NetworkConfig.builder().build(), ConfigJson.parse("{}", NetworkConfig.class));
        // Sections with array fields (the dataset's labels) compare by their JSON form.
        for (Class<?> section : List.of(DatasetConfig.class, RunConfig.class)) {
            assertEquals(ConfigJson.text(ConfigJson.parse("{}", section)), ConfigJson.text(builderDefaults(section)),
                    section.getSimpleName());
        }
    }

    @Test
    void sectionsWithValueTypesAreEqualByValue() throws IOException {
        PreprocessingConfig json = ConfigJson.parse("""
                {"target_spacing": [1, 1, 1.5], "normalization": "zscore", "clip_percentiles": [0.5, 99.5]}
                """, PreprocessingConfig.class);
        PreprocessingConfig java = PreprocessingConfig.builder().targetSpacing(new Spacing(1, 1, 1.5))
                .normalization(Normalization.Kind.ZSCORE).clipPercentiles(List.of(0.5, 99.5)).build();

        assertEquals(java, json);
        assertEquals(java.settings(Extent.cube(16), 8), json.settings(Extent.cube(16), 8));
        assertEquals(PredictionConfig.builder().roi(new Extent(64, 64, 32)).mode(BlendMode.CONSTANT).build(),
                ConfigJson.parse("{\"roi\": [64, 64, 32], \"mode\": \"constant\"}", PredictionConfig.class));
    }

    @Test
    void enumsAndTriplesKeepTheirJsonForm() throws IOException {
        String text = ConfigJson.text(ConfigJson.parse("{\"roi\": [64, 64, 32]}", PredictionConfig.class));
        String preprocessing = ConfigJson.text(PreprocessingConfig.builder().targetSpacing(new Spacing(1, 1, 1.5))
                .build());

        assertTrue(text.contains("\"roi\" : [ 64, 64, 32 ]") && text.contains("\"mode\" : \"gaussian\""), text);
        assertTrue(preprocessing.contains("\"target_spacing\" : [ 1.0, 1.0, 1.5 ]")
                && preprocessing.contains("\"normalization\" : \"zscore_nonzero\""), preprocessing);
        assertThrows(Exception.class, () -> ConfigJson.parse("{\"roi\": [64, 64]}", PredictionConfig.class));
    }

    @Test
    void ctNormalisationKeepsItsStatisticsAndRefusesWhatItReplaces() throws IOException {
        PreprocessingConfig ct = ConfigJson.parse("""
                {"normalization": "ct", "intensity_statistics": [{"mean": 40, "std": 20, "lower_bound": -100,
                 "upper_bound": 200}]}
                """, PreprocessingConfig.class);

        assertEquals(new DatasetNormalization(List.of(new ChannelIntensities(40, 20, -100, 200))),
                ct.settings(Extent.cube(16), 8).normalization());
        assertEquals(ct, ConfigJson.parse(ConfigJson.text(ct), PreprocessingConfig.class));
        assertTrue(ConfigJson.parse("{\"normalization\": \"ct\"}", PreprocessingConfig.class)
                .needsIntensityStatistics());
        for (String refused : List.of("{\"normalization\": \"ct\", \"clip_percentiles\": [1, 99]}",
                "{\"normalization\": \"ct\", \"channel_wise\": false}",
                "{\"intensity_statistics\": [{\"mean\": 0, \"std\": 1, \"lower_bound\": 0, \"upper_bound\": 1}]}")) {
            Exception e = assertThrows(JsonProcessingException.class, () -> ConfigJson.parse(refused,
                    PreprocessingConfig.class), refused);
            assertTrue(e.getMessage().contains("'ct'"), e.getMessage());
        }
    }

    private static Object builderDefaults(Class<?> section) {
        try {
            Object builder = section.getMethod("builder").invoke(null);
            return builder.getClass().getMethod("build").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
