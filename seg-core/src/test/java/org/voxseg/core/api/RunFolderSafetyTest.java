package org.voxseg.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.TorchRuntime;
import org.voxseg.data.nifti.NiftiDataType;
import org.voxseg.data.nifti.NiftiReader;
import org.voxseg.data.nifti.NiftiWriter;
import org.voxseg.data.volume.Volume;

/**
 * A run folder is one training's: locked while it trains, never inside the dataset, cleared of killed writes, and
 * written only once every case of the dataset passed its checks.
 */
@Tag("slow")
class RunFolderSafetyTest {

    @TempDir
    static Path dir;

    private static Voxseg voxseg;
    private static RunConfig config;

    @BeforeAll
    static void dataset() throws IOException {
        voxseg = Voxseg.builder().threads(2).build();
        TinyDataset.cases(dir.resolve("data/train"), 5, 1);
        config = RunConfig.read(TinyDataset.config(dir.resolve("data/config.json"), "train", 1, ""));
    }

    @AfterAll
    static void close() {
        voxseg.close();
    }

    @Test
    @SuppressWarnings("try") // the lock is held while the body runs and never referenced in it
    void aSecondTrainingOfAFolderInThisProcessFailsAtOnce() throws IOException {
        Path run = dir.resolve("held_here");
        try (RunFolderLock held = RunFolderLock.acquire(run)) {
            ConfigException error = assertThrows(ConfigException.class,
                    () -> voxseg.train(config, run, RunListener.NONE));

            assertTrue(error.getMessage().contains("in use by another training (process "
                    + ProcessHandle.current().pid() + ")"), error.getMessage());
        }
        assertFalse(Files.exists(run.resolve(RunFolder.CONFIG)), "nothing written");
    }

    @Test
    void aSecondTrainingOfAFolderThatAnotherProcessTrainsFailsNamingIt() throws Exception {
        Path run = dir.resolve("held_elsewhere");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process holder = new ProcessBuilder(java, "-cp", classPath, LockHolder.class.getName(), run.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());

            ConfigException error = assertThrows(ConfigException.class,
                    () -> voxseg.train(config, run, RunListener.NONE));

            assertTrue(error.getMessage().contains("(process " + holder.pid() + ")"), error.getMessage());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertFalse(Files.exists(run.resolve(RunFolder.CONFIG)), "nothing written");
    }

    @Test
    void aRunFolderInsideTheDatasetIsRefusedBeforeItIsCreated() {
        Path run = dir.resolve("data/train/runs/one");

        ConfigException error = assertThrows(ConfigException.class,
                () -> voxseg.train(config, run, RunListener.NONE));

        assertTrue(error.getMessage().contains("inside the dataset root"), error.getMessage());
        assertFalse(Files.exists(dir.resolve("data/train/runs")));
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedWhenItResumes() throws IOException {
        Path run = Files.createDirectories(dir.resolve("killed"));
        Path stale = Files.writeString(run.resolve(".latest.ckpt.k1ll3d.part"), "half a checkpoint");
        Path cache = Files.createDirectories(run.resolve("cache"));
        Path staleEntry = Files.writeString(cache.resolve(".BraTS20_Synth_000.vxcache.k1ll3d.part"), "half");
        Path deadWriter = Files.writeString(cache.resolve(".BraTS20_Synth_001.vxcache.999999999-k1ll3d.part"), "");
        Path liveWriter = Files.writeString(cache.resolve(".BraTS20_Synth_002.vxcache."
                + ProcessHandle.current().pid() + "-w0rk.part"), "a build under way");

        voxseg.train(config, run, RunListener.NONE);

        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleEntry), "a cache entry's part of a killed run");
        assertFalse(Files.exists(deadWriter), "a part whose process is gone");
        assertTrue(Files.exists(liveWriter), "a part whose process is running");
        assertTrue(Files.isRegularFile(run.resolve("latest.ckpt")));
    }

    @Test
    void everyContentProblemIsListedBeforeAnyFileOfTheRunIsWritten() throws IOException {
        Path data = dir.resolve("broken/train");
        TinyDataset.cases(data, 5, 2);
        RunConfig broken = RunConfig.read(TinyDataset.config(dir.resolve("broken/config.json"), "train", 1, ""));
        List<String> expected = List.of(
                rewrite(data, 0, "flair", values -> values[10] = Float.NaN) + ": 1 NaN and 0 infinite values",
                rewrite(data, 1, "t1", values -> values[20] = Float.POSITIVE_INFINITY) + ": 0 NaN and 1 infinite "
                        + "values",
                rewrite(data, 2, "t1ce", values -> Arrays.fill(values, 0)) + ": empty image: every voxel is 0.0",
                rewrite(data, 3, "seg", values -> values[30] = 7) + ": label values [7.0] are not 0 or one of the "
                        + "configured labels [2, 1, 4]",
                truncate(data, 4, "t2") + ": ");
        Path run = dir.resolve("broken_run");

        DatasetProblemsException error = assertThrows(DatasetProblemsException.class,
                () -> voxseg.train(broken, run, RunListener.NONE));

        List<String> listed = Files.readAllLines(run.resolve(DatasetPreparation.PROBLEMS));
        assertEquals(expected.size(), listed.size(), listed.toString());
        for (int n = 0; n < expected.size(); n++) {
            assertTrue(listed.get(n).startsWith(expected.get(n)), listed.get(n));
        }
        assertEquals(listed.get(0) + " (and 4 more problem(s)); all of them are listed in "
                + run.resolve(DatasetPreparation.PROBLEMS), error.getMessage());
        for (String file : List.of(RunFolder.CONFIG, RunFolder.MODEL, RunFolder.SPLIT, RunFolderLock.FILE)) {
            assertFalse(Files.exists(run.resolve(file)), file);
        }
    }

    @Test
    void aCrossValidationChecksEveryCasesContentBeforeWritingItsSplitOrFolds() throws IOException {
        Path data = dir.resolve("broken_cv/train");
        TinyDataset.cases(data, 4, 2);
        RunConfig broken = RunConfig.read(TinyDataset.config(dir.resolve("broken_cv/config.json"), "train", 1,
                "\"cross_validation\": {\"n_folds\": 2}"));
        String nan = rewrite(data, 0, "flair", values -> values[10] = Float.NaN);
        String labels = rewrite(data, 3, "seg", values -> values[30] = 7);
        Path folder = dir.resolve("broken_cv/cv");

        assertThrows(DatasetProblemsException.class, () -> new CrossValidation(broken, folder).setUp(
                RunListener.NONE));

        List<String> listed = Files.readAllLines(folder.resolve(DatasetPreparation.PROBLEMS));
        assertEquals(2, listed.size(), listed.toString());
        assertTrue(listed.get(0).startsWith(nan) && listed.get(1).startsWith(labels), listed.toString());
        assertFalse(Files.exists(folder.resolve(RunFolder.SPLIT)));
        assertFalse(Files.exists(folder.resolve("fold_0")));
    }

    /** Rewrites one file of case {@code index} with changed values (float32); the file's "case: path". */
    private static String rewrite(Path data, int index, String suffix, Consumer<float[]> change) throws IOException {
        Path file = caseFile(data, index, suffix);
        Volume volume = NiftiReader.read(file).volume();
        float[] values = volume.toArray();
        change.accept(values);
        NiftiWriter.of(NiftiDataType.FLOAT32).write(Volume.wrap(volume.geometry(), 1, values), file);
        return TinyDataset.FIRST_CASE.replace("000", "00" + index) + ": " + file;
    }

    /** Cuts the last third off one gzip file of case {@code index}; the file's "case: path". */
    private static String truncate(Path data, int index, String suffix) throws IOException {
        Path file = caseFile(data, index, suffix);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        return TinyDataset.FIRST_CASE.replace("000", "00" + index) + ": " + file;
    }

    private static Path caseFile(Path data, int index, String suffix) {
        String id = TinyDataset.FIRST_CASE.replace("000", "00" + index);
        return data.resolve(id).resolve(id + "_" + suffix + ".nii.gz");
    }

    @Test
    void resumingWithAnotherNetworkOrSeedIsRefusedNamingTheKeysButMoreEpochsAreFine() throws IOException {
        Path run = dir.resolve("changed");
        voxseg.train(config, run, RunListener.NONE);
        byte[] stored = Files.readAllBytes(run.resolve(RunFolder.CONFIG));
        RunConfig changed = RunConfig.read(TinyDataset.config(dir.resolve("data/changed.json"), "train", 1,
                "\"cross_validation\": {\"seed\": 3}")).withTraining(config.training().toBuilder().seed(8L)
                .build());

        ConfigException error = assertThrows(ConfigException.class,
                () -> voxseg.train(changed, run, RunListener.NONE));

        assertTrue(error.getMessage().startsWith(run.resolve(RunFolder.CONFIG) + ": the run was trained with other "
                + "values of cross_validation.seed, training.seed;"), error.getMessage());
        assertArrayEquals(stored, Files.readAllBytes(run.resolve(RunFolder.CONFIG)), "config.json is kept");
        RunConfig twoEpochs = config.withTraining(config.training().toBuilder().epochs(2).build());
        assertEquals(2, voxseg.train(twoEpochs, run, RunListener.NONE).epochs(), "more epochs resume");
        assertEquals(2, voxseg.train(changed, run, RunListener.NONE, ConfigChange.ACCEPT).epochs(),
                "a forced change resumes");
    }

    @Test
    void resumingWithOtherComputeThreadsIsSaid() throws IOException {
        Path run = dir.resolve("threads");
        voxseg.train(config, run, RunListener.NONE);
        Path stored = run.resolve(RunFolder.CONFIG);
        assertTrue(Files.readString(stored).contains("\"threads\" : " + TorchRuntime.requestedThreads()),
                "config.json records the threads the run computed with");
        Files.writeString(stored, Files.readString(stored).replace("\"threads\" : "
                + TorchRuntime.requestedThreads(), "\"threads\" : 7"));
        List<String> notes = new ArrayList<>();

        RunConfig longer = config.withTraining(config.training().toBuilder().epochs(2).build());
        voxseg.train(longer, run, new RunListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        });

        assertTrue(notes.stream().anyMatch(note -> note.startsWith("the run trained with 7 compute thread(s) and "
                + "resumes with")), notes.toString());
    }
}
