package org.voxseg.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.data.io.AtomicFiles;
import picocli.CommandLine.Option;

/** Options every benchmark shares (repeats, warm-up, JSON output) and the timing and saving that go with them. */
final class BenchRun {

    @Option(names = "--repeats", defaultValue = "5",
            description = "Timed runs of each operation (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    /** Times {@code action}: {@code warmup} untimed runs, then {@code repeats} timed ones. */
    Timings time(Timings.Action action) throws Exception {
        return Timings.measure(warmup, repeats, action);
    }

    /**
     * Writes {@code results} to the {@code --json} file, if one was given, with what became of freed native memory
     * ({@code freed_memory}), which changes CPU times by up to 1.8x (docs/engine.md).
     */
    void save(Map<String, Object> results) throws IOException {
        if (json != null) {
            Map<String, Object> all = new LinkedHashMap<>(results);
            all.put("freed_memory", TorchRuntime.freedMemory().toString());
            byte[] text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(all);
            AtomicFiles.write(json, out -> out.write(text));
        }
    }
}
