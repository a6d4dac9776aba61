package org.voxseg.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Python with PyTorch for the tests that check voxseg against it: Debian's {@code /usr/bin/python3} with
 * {@code python3-torch}, else the {@code python3} on the PATH. Tests that need it are skipped (and reported as
 * skipped) where it is missing; CI installs it.
 */
public final class PythonTorch {

    private static final Path DEBIAN = Path.of("/usr/bin/python3");

    private PythonTorch() {
    }

    private static String interpreter() {
        return Files.isExecutable(DEBIAN) ? DEBIAN.toString() : "python3";
    }

    /** Skips the calling test unless {@code import torch} works. */
    public static void assumeAvailable() {
        boolean available;
        try {
            available = run(List.of("-c", "import torch")).isEmpty();
        } catch (IOException e) {
            available = false;
        }
        assumeTrue(available, "python3 with torch is not installed (apt-get install python3-torch)");
    }

    /**
     * The raw outputs that PyTorch computes for {@code input} with the network exported in {@code export}, rebuilt
     * by the export's own {@code voxseg_unet.py} (driven by {@code interop/run_export.py}); with {@code traced} not
     * null, also that network traced to TorchScript there.
     *
     * @throws AssertionError with Python's output if it fails
     */
    public static float[] exportedOutputs(Path export, NDArray input, Path work, Path traced) throws IOException {
        Path inputFile = work.resolve("input.safetensors");
        input.setName("input");
        try (OutputStream out = Files.newOutputStream(inputFile)) {
            new NDList(input).encode(out, NDList.Encoding.SAFETENSORS);
        }
        Path outputFile = work.resolve("output.f32");
        List<String> arguments = new ArrayList<>(List.of(script("/interop/run_export.py"), export.toString(),
                inputFile.toString(), outputFile.toString()));
        if (traced != null) {
            arguments.add(traced.toString());
        }
        String failure = run(arguments);
        if (!failure.isEmpty()) {
            throw new AssertionError("run_export.py failed: " + failure);
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(outputFile)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    /** The largest absolute difference between two equally long arrays. */
    public static double largestDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("different sizes: " + a.length + " and " + b.length);
        }
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    /** The path of the test resource {@code resource}, a Python script. */
    public static String script(String resource) {
        try {
            return Path.of(PythonTorch.class.getResource(resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs Python with {@code arguments}.
     *
     * @return empty on success, else what it printed
     */
    public static String run(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(interpreter()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "timed out";
            }
            return process.exitValue() == 0 ? "" : printed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
