package org.voxseg.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
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

    /** Writes {@code results} to the {@code --json} file, if one was given. */
    void save(Map<String, Object> results) throws IOException {
        if (json != null) {
            byte[] text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(results);
            AtomicFiles.write(json, out -> out.write(text));
        }
    }
}
