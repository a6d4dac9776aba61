package org.voxseg.cli.info;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxseg.data.nifti.NiftiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code voxseg info FILE [--json]}: a NIfTI file's header and value statistics. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a NIfTI file's header (dims, datatype, qform/sform, scaling) and value statistics.")
public final class InfoCommand implements Callable<Integer> {


    @Parameters(paramLabel = "FILE", description = "A .nii or .nii.gz file (NIfTI-1 or NIfTI-2).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NiftiInfo info = NiftiInfo.of(file, NiftiReader.read(file));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.MAPPER.writeValueAsString(info) + System.lineSeparator() : info.toText());
        out.flush();
        return 0;
    }

    /** The JSON writer, made on first use: every command line builds this command, few print JSON. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);

        private Json() {
        }
    }
}
