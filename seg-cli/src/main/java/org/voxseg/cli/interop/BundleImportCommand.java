package org.voxseg.cli.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.voxseg.core.interop.MonaiBundle;
import org.voxseg.core.interop.OutputLabels;
import org.voxseg.core.interop.TorchScriptImport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg import monai-bundle}: a MONAI bundle folder into a run folder. */
@Command(name = "monai-bundle", mixinStandardHelpOptions = true,
        description = "Import a MONAI bundle (configs/metadata.json, configs/inference.json, models/model.ts). Its "
                + "preprocessing, sliding window and activation are read from inference.json; anything voxseg "
                + "cannot reproduce is refused by name.")
public final class BundleImportCommand implements Callable<Integer> {

    @Option(names = "--bundle", required = true, paramLabel = "DIR", description = "The bundle folder.")
    Path bundle;

    @Option(names = "--channels", split = ",", paramLabel = "NAME,...",
            description = "Rename the input channels (in the bundle's order) to the case files' endings, e.g. "
                    + "t1ce,t1,t2,flair (default: the bundle's channel_def, lower case).")
    List<String> channels;

    @ArgGroup(exclusive = true)
    OutputOptions outputs;

    @Mixin
    StrideDivisorOption stride;

    @Mixin
    ImportTarget target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TorchScriptImport.Builder builder = MonaiBundle.read(bundle);
        if (channels != null) {
            builder.channels(channels);
        }
        OutputLabels labels = outputs == null ? null : outputs.labels();
        if (labels != null) {
            builder.outputs(labels);
        }
        return target.importInto(stride.applyTo(builder), spec.commandLine().getOut());
    }
}
