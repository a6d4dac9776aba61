package org.voxseg.data.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.data.geometry.Extent;
import org.voxseg.data.geometry.Spacing;

/**
 * The settings' {@link PreprocessingSettings#cacheDescription() cache description} is their part of a preprocessed
 * case's key (CacheKey), so every component must change it: a component the description forgot would let a cache
 * built with other settings be reused.
 */
class PreprocessingSettingsTest {

    private static final PreprocessingSettings ONE = PreprocessingSettings.builder().orientation("RAS")
            .foregroundCrop(ForegroundCrop.above(0, 1)).targetSpacing(new Spacing(1, 1, 1))
            .spacingGrid(new SpacingGrid(false, Interpolation.LINEAR, false, false))
            .scaling(new IntensityScaling(0, 100, 0, 1, true)).normalization(IntensityNormalization.zScore(true, true))
            .padding(Extent.cube(16), 4).build();
    private static final PreprocessingSettings OTHER = PreprocessingSettings.builder().orientation("LPS")
            .foregroundCrop(ForegroundCrop.above(0, 2)).targetSpacing(new Spacing(2, 1, 1))
            .spacingGrid(new SpacingGrid(true, Interpolation.LINEAR, false, false))
            .scaling(new IntensityScaling(0, 200, 0, 1, true)).normalization(IntensityNormalization.zScore(true, false))
            .padding(Extent.cube(32), 8).build();

    @Test
    void everyComponentChangesTheCacheDescription() throws ReflectiveOperationException {
        RecordComponent[] components = PreprocessingSettings.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            types[c] = components[c].getType();
        }
        List<String> tried = new ArrayList<>();
        for (int changed = 0; changed < components.length; changed++) {
            if (components[changed].getName().equals("targetShape")) {
                continue; // excludes a target spacing: checked below
            }
            Object[] values = new Object[components.length];
            for (int c = 0; c < components.length; c++) {
                values[c] = components[c].getAccessor().invoke(c == changed ? OTHER : ONE);
            }
            PreprocessingSettings variant = PreprocessingSettings.class.getDeclaredConstructor(types)
                    .newInstance(values);
            assertNotEquals(ONE, variant, components[changed].getName());
            assertNotEquals(ONE.cacheDescription(), variant.cacheDescription(),
                    components[changed].getName() + " is in the key");
            tried.add(components[changed].getName());
        }
        assertEquals(components.length - 1, tried.size());
    }

    @Test
    void theTargetShapeChangesTheCacheDescription() {
        PreprocessingSettings eight = PreprocessingSettings.builder().targetShape(Extent.cube(8)).build();
        PreprocessingSettings nine = PreprocessingSettings.builder().targetShape(Extent.cube(9)).build();
        assertNotEquals(eight.cacheDescription(), nine.cacheDescription());
        assertNotEquals(PreprocessingSettings.builder().build().cacheDescription(), eight.cacheDescription());
    }

    @Test
    void equalSettingsGiveEqualDescriptions() {
        PreprocessingSettings again = PreprocessingSettings.builder().orientation("RAS")
                .foregroundCrop(ForegroundCrop.above(0, 1)).targetSpacing(new Spacing(1, 1, 1))
                .spacingGrid(new SpacingGrid(false, Interpolation.LINEAR, false, false))
                .scaling(new IntensityScaling(0, 100, 0, 1, true))
                .normalization(IntensityNormalization.zScore(true, true)).padding(Extent.cube(16), 4).build();
        assertEquals(ONE, again);
        assertEquals(ONE.cacheDescription(), again.cacheDescription());
    }
}
