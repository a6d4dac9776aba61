package org.voxseg.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.voxseg.data.cache.PreprocessedCache;
import org.voxseg.data.dataset.CaseFiles;
import org.voxseg.data.dataset.CaseLoader;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.transform.ForegroundCrop;
import org.voxseg.data.transform.IntensityNormalization;
import org.voxseg.data.transform.PreprocessingSettings;
import org.voxseg.data.transform.Preprocessor;
import org.voxseg.data.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg bench preprocess}: times preprocessing one BraTS-size case (load four int16 .nii.gz channels and the
 * label map, foreground crop, resample, z-score) and reloading it from the preprocessed-case cache.
 */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Time preprocessing a 4-channel BraTS-size case, and its cached reload.")
public final class PreprocessBenchCommand implements Callable<Integer> {

    @Option(names = "--shape", split = ",", defaultValue = "240,240,155", paramLabel = "X,Y,Z",
            description = "Case shape (default: ${DEFAULT-VALUE}).")
    int[] shape;

    @Option(names = "--input-spacing", split = ",", defaultValue = "1,1,1", paramLabel = "X,Y,Z",
            description = "Voxel size of the synthetic case in mm (default: ${DEFAULT-VALUE}).")
    double[] inputSpacing;

    @Option(names = "--spacing", split = ",", defaultValue = "1,1,1", paramLabel = "X,Y,Z",
            description = "Target spacing in mm (default: ${DEFAULT-VALUE}).")
    double[] spacing;



    @Mixin
    BenchRun run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (shape.length != 3 || spacing.length != 3 || inputSpacing.length != 3) {
            throw new IllegalArgumentException("--shape, --input-spacing and --spacing need three values each");
        }
        Path folder = Files.createTempDirectory("voxseg-bench");
        try {
            CaseFiles entry = writeCase(folder);
            long baseline = PeakMemory.currentBytes().orElse(0);
            PreprocessingSettings settings = PreprocessingSettings.builder()
                    .foregroundCrop(ForegroundCrop.above(0, 0))
                    .targetSpacing(spacing)
                    .normalization(IntensityNormalization.zScore(true, true))
                    .build();
            Preprocessor preprocessor = new Preprocessor(settings);
            Timings fresh = run.time(() -> {
                CaseLoader.LoadedCase loaded = CaseLoader.load(entry);
                preprocessor.apply(loaded.image(), loaded.labels());
            });
            long peak = PeakMemory.peakBytes().orElse(0);
            PreprocessedCache cache = new PreprocessedCache(folder.resolve("cache"), settings);
            Volume result = cache.get(entry).cached().image();
            Timings cached = run.time(() -> cache.get(entry));
            report(fresh, cached, baseline, peak, result);
        } finally {
            deleteTree(folder);
        }
        return 0;
    }

    private CaseFiles writeCase(Path folder) throws IOException {
        List<Path> images = new ArrayList<>();
        String[] channels = {"flair", "t1", "t1ce", "t2"};
        for (int c = 0; c < channels.length; c++) {
            Path file = folder.resolve("bench_" + channels[c] + ".nii.gz");
            NiftiWriter.of(NiftiDataType.INT16).write(SyntheticHead.volume(shape, inputSpacing, c, 1 + 0.3 * c), file);
            images.add(file);
        }
        Volume head = SyntheticHead.volume(shape, inputSpacing, 0, 1);
        float[] labels = head.toArray();
        for (int v = 0; v < labels.length; v++) {
            labels[v] = labels[v] > 520 ? 2 : labels[v] > 500 ? 1 : 0;
        }
        Path seg = folder.resolve("bench_seg.nii.gz");
        NiftiWriter.of(NiftiDataType.UINT8).write(Volume.wrap(head.geometry(), 1, labels), seg);
        return new CaseFiles("bench", images, Optional.of(seg));
    }

    private void report(Timings fresh, Timings cached, long baseline, long peak, Volume result) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("shape", shape);
        results.put("input_spacing", inputSpacing);
        results.put("spacing", spacing);
        results.put("preprocessed_shape", result.geometry().shape().toArray());
        results.put("repeats", run.repeats);
        results.put("preprocess_median_s", fresh.median());
        results.put("cached_reload_median_s", cached.median());
        results.put("rss_before_bytes", baseline);
        results.put("rss_peak_bytes", peak);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "preprocess 4x%dx%dx%d -> %s: median %.3f s; cached reload median %.3f s;"
                + " peak RSS %.0f MB (%.0f MB before), %d runs each%n", shape[0], shape[1], shape[2],
                result.geometry().shapeText(), fresh.median(), cached.median(), peak / 1e6, baseline / 1e6,
                run.repeats);
        out.flush();
        run.save(results);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
