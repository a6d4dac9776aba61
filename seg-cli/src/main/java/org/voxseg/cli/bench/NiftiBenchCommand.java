package org.voxseg.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg bench nifti}: times writing and reading a BraTS-size int16 .nii.gz (a head-shaped synthetic volume,
 * so compression behaves as on real scans). {@code bench/nifti_io.sh} alternates it with nibabel on the same file.
 */
@Command(name = "nifti", mixinStandardHelpOptions = true,
        description = "Time reading and writing an int16 .nii.gz of BraTS size (240x240x155 by default).")
public final class NiftiBenchCommand implements Callable<Integer> {

    @Option(names = "--shape", split = ",", defaultValue = "240,240,155", paramLabel = "X,Y,Z",
            description = "Volume shape (default: ${DEFAULT-VALUE}).")
    int[] shape;



    @Option(names = "--keep", paramLabel = "FILE.nii.gz",
            description = "Write the benchmark volume here and keep it (e.g. for the nibabel reference).")
    Path keep;

    @Mixin
    BenchRun run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (shape.length != 3) {
            throw new IllegalArgumentException("--shape needs three sizes, e.g. 240,240,155");
        }
        Volume volume = SyntheticHead.volume(shape, new double[] {1, 1, 1}, 42, 1);
        NiftiWriter writer = NiftiWriter.of(NiftiDataType.INT16);
        Path folder = Files.createTempDirectory("voxseg-bench");
        Path file = keep != null ? keep : folder.resolve("bench.nii.gz");
        try {
            Timings write = run.time(() -> writer.write(volume, file));
            Timings read = run.time(() -> NiftiReader.read(file));
            report(file, write, read);
        } finally {
            if (keep == null) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        }
        return 0;
    }

    private void report(Path file, Timings write, Timings read) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("tool", "voxseg");
        results.put("shape", shape);
        results.put("datatype", "int16");
        results.put("file_bytes", Files.size(file));
        results.put("repeats", run.repeats);
        results.put("write_median_s", write.median());
        results.put("write_min_s", write.min());
        results.put("read_median_s", read.median());
        results.put("read_min_s", read.min());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "NIfTI int16 %dx%dx%d .nii.gz (%.1f MB): write median %.3f s (min %.3f),"
                + " read median %.3f s (min %.3f), %d runs each%n", shape[0], shape[1], shape[2],
                Files.size(file) / 1e6, write.median(), write.min(), read.median(), read.min(), run.repeats);
        out.flush();
        run.save(results);
    }
}
