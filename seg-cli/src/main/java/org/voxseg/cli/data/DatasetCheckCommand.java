package org.voxseg.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.voxseg.data.dataset.DatasetLayouts;
import org.voxseg.data.dataset.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voxseg dataset check ROOT}: what voxseg finds in a dataset root (layout, cases, channels, labels, sizes and
 * spacings) and every problem of every case; writes nothing, and exits 1 if there is a problem.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Print what voxseg finds in a dataset (BraTS 2020-2024 case folders, a Decathlon task, an "
                + "nnU-Net raw dataset or a case list) and every problem of every case; writes nothing. Exit code 1 "
                + "if there is a problem.")
public final class DatasetCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ROOT", description = "The dataset folder, or a case list (.json).")
    Path root;

    @Option(names = "--labels", split = ",", paramLabel = "L,...",
            description = "The label values a case list's maps may hold (default: 1,2,4); other layouts name theirs.")
    int[] labels = {1, 2, 4};

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatasetSummary summary = DatasetSummary.check(DatasetLayouts.describe(root), labels);
        PrintWriter out = spec.commandLine().getOut();
        summary.lines().forEach(out::println);
        out.flush();
        return summary.problems().isEmpty() ? 0 : 1;
    }
}
