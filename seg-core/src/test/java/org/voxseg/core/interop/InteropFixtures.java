package org.voxseg.core.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.volume.Volume;

/**
 * The fixtures {@code src/test/resources/interop/make_fixtures.py} wrote with PyTorch 1.13: a MONAI-style U-Net traced
 * for (C, i, j, k) tensors (inside a MONAI bundle) and for (C, k, j, i), a 4-channel case and MONAI's
 * sliding-window probabilities for it, channels TC, WT, ET.
 */
final class InteropFixtures {

    static final List<String> CHANNELS = List.of("flair", "t1", "t1ce", "t2");
    static final List<String> MODEL_OUTPUTS = List.of("TC", "WT", "ET");
    static final String REGIONS = "TC=1+4,WT=1+2+4,ET=4";

    private InteropFixtures() {
    }

    /** The fixture folder. */
    static Path folder() {
        try {
            return Path.of(InteropFixtures.class.getResource("/interop/make_fixtures.py").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path bundle() {
        return folder().resolve("monai_bundle");
    }

    static Path cijkModel() {
        return bundle().resolve("models/model.ts");
    }

    static Path ckjiModel() {
        return folder().resolve("ckji_model.ts");
    }

    static Path caseFolder() {
        return folder().resolve("case");
    }

    /** MONAI's probabilities, one channel per model output (TC, WT, ET). */
    static Volume reference() throws IOException {
        return NiftiReader.read(folder().resolve("reference_probabilities.nii.gz")).volume();
    }

    /** A copy of the bundle under {@code dir}, to edit. */
    static Path bundleCopy(Path dir) throws IOException {
        Path copy = dir.resolve("bundle");
        try (Stream<Path> files = Files.walk(bundle())) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(bundle().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /**
     * The description of a copy of the fixture bundle, made in a new folder under {@code dir}, with each text of
     * {@code fromTo}'s pairs replaced by the next in its inference.json (each must be there).
     */
    static ModelDescription editedBundle(Path dir, String... fromTo) throws IOException {
        Path bundle = bundleCopy(Files.createTempDirectory(dir, "edited"));
        Path inference = bundle.resolve("configs/inference.json");
        String text = Files.readString(inference);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(text.contains(fromTo[i]), fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        Files.writeString(inference, text);
        return MonaiBundle.read(bundle).build().description();
    }
}
