package org.voxseg.cli.predict;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.voxseg.cli.OutputPathConverter;
import org.voxseg.core.config.ModelDescription;
import org.voxseg.data.dataset.DatasetLayouts;
import org.voxseg.data.dataset.LabelScheme;
import org.voxseg.data.evaluation.CaseScores;
import org.voxseg.data.evaluation.EmptyMaskConvention;
import org.voxseg.data.evaluation.EvaluationReport;
import org.voxseg.data.evaluation.LesionWiseRule;
import org.voxseg.data.evaluation.SegmentationPairs;
import org.voxseg.data.evaluation.Structure;
import org.voxseg.data.label.LabelEncoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code voxseg evaluate}: Dice and HD95 of predictions against references, per case and summarised. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score predictions against reference label maps (Dice, HD95 in mm).")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = {"-p", "--prediction"}, required = true, paramLabel = "FILE|DIR",
            description = "A label map, or a folder of <case>.nii.gz.")
    Path prediction;

    @Option(names = {"-r", "--reference"}, required = true, paramLabel = "FILE|DIR",
            description = "A label map, or a folder of <case>.nii.gz or of BraTS case folders (<case>/<case>_seg).")
    Path reference;

    @Option(names = "--model", paramLabel = "RUN",
            description = "Score the outputs this run folder's model.json names: its regions or classes.")
    Path model;

    @Option(names = "--dataset", paramLabel = "ROOT",
            description = "Score the regions or classes the dataset describes (dataset.json, or the BraTS edition "
                    + "its file names show).")
    Path dataset;

    @Option(names = "--labels", split = ",", paramLabel = "L,...",
            description = "Score each of these labels on its own; maps holding other labels than these and 0 are "
                    + "refused.")
    int[] labels;

    @Option(names = "--regions", description = "Score BraTS 2020's regions WT {1,2,4}, TC {1,4}, ET {4}.")
    boolean regions;

    @Option(names = "--empty", defaultValue = "brats", paramLabel = "brats|monai",
            description = "Score when both masks are empty: brats (1) or monai (undefined)"
                    + " (default: ${DEFAULT-VALUE}).")
    Empty empty;

    /** The choices of {@code --empty} (matched without regard to case, so {@code brats} and {@code monai}). */
    enum Empty {
        BRATS(EmptyMaskConvention.brats()),
        MONAI(EmptyMaskConvention.undefined());

        private final EmptyMaskConvention convention;

        Empty(EmptyMaskConvention convention) {
            this.convention = convention;
        }
    }

    @Option(names = "--lesion-wise", arity = "0..1", fallbackValue = "gli", paramLabel = "gli|men|met",
            description = "Also score each structure lesion-wise as BraTS 2023 ranks (<structure>_lesionwise), with "
                    + "the sub-challenge's dilation and smallest scored lesion: gli (also SSA, PED; 3 voxels, 50 mm^3, "
                    + "the default), men (1, 50) or met (1, 2).")
    LesionWise lesionWise;

    /** The choices of {@code --lesion-wise}: the BraTS 2023 sub-challenges' rules. */
    enum LesionWise {
        GLI(LesionWiseRule.GLIOMA),
        MEN(LesionWiseRule.MENINGIOMA),
        MET(LesionWiseRule.METASTASES);

        private final LesionWiseRule rule;

        LesionWise(LesionWiseRule rule) {
            this.rule = rule;
        }
    }

    @Option(names = "--output", converter = OutputPathConverter.class, paramLabel = "CSV",
            description = "Write per-case scores here (and a summary beside).")
    Path output;

    @Option(names = "--per-case", description = "Also print each case's scores, one row per case, before the summary.")
    boolean perCase;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EvaluationReport report = SegmentationPairs.find(prediction, reference).evaluate(structures(),
                empty.convention, Optional.ofNullable(lesionWise).map(choice -> choice.rule));
        if (output != null) {
            report.writeCases(output);
            String name = output.getFileName().toString().replaceFirst("\\.csv$", "");
            report.writeSummary(output.resolveSibling(name + "_summary.csv"));
        }
        if (perCase) {
            printCases(report);
        }
        for (EvaluationReport.Summary s : report.summary()) {
            out().println(s.line());
        }
        out().printf(Locale.ROOT, "evaluated %d case(s)%s%n", report.cases().size(),
                output != null ? "; scores in " + output : "");
        return 0;
    }

    /** What to score, from the one option that says; refused when none or several do, rather than guessed. */
    private List<Structure> structures() throws IOException {
        long given = Stream.of(model, dataset, labels, regions ? Boolean.TRUE : null).filter(Objects::nonNull).count();
        if (given != 1) {
            throw new IllegalArgumentException((given == 0 ? "say what to score" : "give one of the four")
                    + ": --model RUN or --dataset ROOT (the regions or classes they name), --labels L,... (each label)"
                    + " or --regions (BraTS 2020's WT, TC, ET)");
        }
        if (model != null) {
            ModelDescription description = ModelDescription.read(model.resolve(ModelDescription.FILE));
            return Structure.of(description.encoding(), description.outputNames());
        }
        if (dataset != null) {
            LabelScheme scheme = DatasetLayouts.describe(dataset).labels().orElseThrow(() ->
                    new IllegalArgumentException(dataset + ": a case list does not say what its labels are; give "
                            + "--labels L,... or --model RUN"));
            return Structure.of(LabelEncoding.of(scheme.labelArray(), scheme.nestedRegions()), scheme.outputNames());
        }
        return labels != null ? Structure.perLabel(labels) : Structure.bratsRegions();
    }

    /** A table of Dice and HD95 per structure, one row per case, the case column as wide as the longest id. */
    private void printCases(EvaluationReport report) {
        List<String> structures = report.cases().get(0).structures();
        int width = Math.max(4, report.cases().stream().mapToInt(c -> c.caseId().length()).max().orElse(4));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "case"));
        for (String structure : structures) {
            header.append(String.format(Locale.ROOT, "  %8s %9s", "dice_" + structure, "hd95_" + structure));
        }
        out().println(header);
        for (CaseScores scores : report.cases()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", scores.caseId()));
            for (int s = 0; s < structures.size(); s++) {
                row.append(String.format(Locale.ROOT, "  %8.4f %9.2f", scores.dice().get(s),
                        scores.hausdorff95().get(s)));
            }
            out().println(row);
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
