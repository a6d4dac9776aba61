package org.voxseg.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.cli.CommandRun;
import org.voxseg.data.synthetic.SyntheticBrats;

/**
 * Config mistakes stop {@code voxseg train} when the config is read: before any case file is opened and before
 * anything is written. The dataset here has a corrupt case, so reading it would fail with another message.
 */
class TrainCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void corruptDataset() throws IOException {
        Path caseFolder = Files.createDirectories(dir.resolve("train/BraTS20_Bad_001"));
        for (String part : new String[] {"flair", "t1", "t1ce", "t2", "seg"}) {
            Files.writeString(caseFolder.resolve("BraTS20_Bad_001_" + part + ".nii.gz"), "not a NIfTI file");
        }
    }

    private CommandRun train(String sections) throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"dataset\": {\"brats_root\": \"train\"}, " + sections + "}");
        return CommandRun.of("train", "--config", config.toString(), "--output-dir", dir.resolve("run").toString());
    }

    @Test
    void aMisspeltOptimizerFailsBeforeAnyCaseIsRead() throws IOException {
        CommandRun run = train("\"optimizer\": {\"name\": \"adamm\"}");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("config.json: 'optimizer.name': unknown optimizer 'adamm'"), run.err());
        assertFalse(Files.exists(dir.resolve("run")), "nothing is written");
    }

    @Test
    void aKeyOfAnotherScheduleFailsBeforeAnyCaseIsRead() throws IOException {
        CommandRun run = train("\"scheduler\": {\"name\": \"warmup_cosine\", \"patience\": 5}");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("unknown key 'patience' in 'scheduler'"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(Files.exists(dir.resolve("run")), "nothing is written");
    }

    @Test
    void everyDatasetProblemIsListedAndTheFirstOnesPrinted() throws IOException {
        Path root = dir.resolve("broken");
        new SyntheticBrats(new int[] {16, 16, 16}, 1).write(root, 4);
        Files.delete(root.resolve("BraTS20_Synth_000/BraTS20_Synth_000_seg.nii.gz"));
        Files.delete(root.resolve("BraTS20_Synth_001/BraTS20_Synth_001_t2.nii.gz"));
        Files.writeString(root.resolve("BraTS20_Synth_002/BraTS20_Synth_002_flair.nii.gz"), "not NIfTI");
        Path config = dir.resolve("broken.json");
        Files.writeString(config, "{\"dataset\": {\"brats_root\": \"broken\"}}");
        Path run = dir.resolve("broken_run");

        CommandRun result = CommandRun.of("train", "--config", config.toString(), "--output-dir", run.toString());

        assertEquals(1, result.exitCode());
        List<String> lines = result.err().lines().toList();
        assertEquals(3, lines.size(), result.err());
        assertTrue(lines.get(0).contains("; all of them are listed in " + run.resolve("dataset_problems.txt")),
                lines.get(0));
        List<String> listed = Files.readAllLines(run.resolve("dataset_problems.txt"));
        assertEquals(3, listed.size(), listed.toString());
        assertTrue(listed.get(0).startsWith("BraTS20_Synth_000: "), listed.toString());
        assertTrue(listed.get(1).startsWith("BraTS20_Synth_001: "), listed.toString());
        assertTrue(listed.get(2).startsWith("BraTS20_Synth_002: "), listed.toString());
        assertEquals(List.of(run.resolve("dataset_problems.txt")), Files.list(run).toList(), "nothing else");
    }

    @Test
    void aCaseListEntryWithTooFewChannelsOrAnUnknownKeyIsRefused() throws IOException {
        Path root = dir.resolve("listed");
        Path caseFolder = new SyntheticBrats(new int[] {16, 16, 16}, 1).write(root, 1).get(0);
        String id = caseFolder.getFileName().toString();
        String files = "[\"" + id + "/" + id + "_flair.nii.gz\", \"" + id + "/" + id + "_t1.nii.gz\", \"" + id + "/"
                + id + "_t1ce.nii.gz\"]";
        Path list = root.resolve("cases.json");
        Path config = dir.resolve("listed.json");
        Files.writeString(config, "{\"dataset\": {\"case_list\": \"listed/cases.json\"}}");

        Files.writeString(list, "[{\"image\": " + files + ", \"label\": \"" + id + "/" + id + "_seg.nii.gz\"}]");
        CommandRun three = CommandRun.of("train", "--config", config.toString(), "--output-dir",
                dir.resolve("three").toString());
        Files.writeString(list, "[{\"image\": " + files + ", \"lable\": \"x\"}]");
        CommandRun misspelt = CommandRun.of("train", "--config", config.toString(), "--output-dir",
                dir.resolve("misspelt").toString());

        assertEquals(1, three.exitCode());
        assertTrue(three.err().contains("3 image file(s) for 4 channels"), three.err());
        assertEquals(1, misspelt.exitCode());
        assertTrue(misspelt.err().contains("entry 0: unknown key 'lable'"), misspelt.err());
    }

    @Test
    void aMissingPretrainedRunIsNamedBeforeAnythingIsWritten() throws IOException {
        new SyntheticBrats(new int[] {16, 16, 16}, 1).write(dir.resolve("good"), 2);
        Path config = dir.resolve("good.json");
        Files.writeString(config, "{\"dataset\": {\"brats_root\": \"good\"}, "
                + "\"training\": {\"patch_size\": [16, 16, 16]}}");
        Path missing = dir.resolve("no_such_run");

        CommandRun run = CommandRun.of("train", "--config", config.toString(), "--output-dir",
                dir.resolve("finetune").toString(), "--pretrained", missing.toString());

        assertEquals(1, run.exitCode());
        assertEquals("voxseg: training.pretrained: no such run folder or checkpoint: " + missing,
                run.err().strip());
        assertFalse(Files.exists(dir.resolve("finetune")), "nothing is written");
    }
}
