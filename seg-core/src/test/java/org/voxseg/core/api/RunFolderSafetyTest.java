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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxseg.core.config.ConfigException;
import org.voxseg.core.config.RunConfig;
import org.voxseg.core.engine.TorchRuntime;

/** A run folder is one training's: locked while it trains, never inside the dataset, cleared of killed writes. */
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

        voxseg.train(config, run, RunListener.NONE);

        assertFalse(Files.exists(stale));
        assertTrue(Files.isRegularFile(run.resolve("latest.ckpt")));
    }

    @Test
    void resumingWithAnotherNetworkOrSeedIsRefusedNamingTheKeysButMoreEpochsAreFine() throws IOException {
        Path run = dir.resolve("changed");
        voxseg.train(config, run, RunListener.NONE);
        byte[] stored = Files.readAllBytes(run.resolve(RunFolder.CONFIG));
        RunConfig changed = RunConfig.read(TinyDataset.config(dir.resolve("data/changed.json"), "train", 1,
                "\"cross_validation\": {\"seed\": 3}")).withTraining(config.training().with(null, null, 8L, null,
                null, null, null));

        ConfigException error = assertThrows(ConfigException.class,
                () -> voxseg.train(changed, run, RunListener.NONE));

        assertTrue(error.getMessage().startsWith(run.resolve(RunFolder.CONFIG) + ": the run was trained with other "
                + "values of cross_validation.seed, training.seed;"), error.getMessage());
        assertArrayEquals(stored, Files.readAllBytes(run.resolve(RunFolder.CONFIG)), "config.json is kept");
        RunConfig twoEpochs = config.withTraining(config.training().with(2, null, null, null, null, null, null));
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

        RunConfig longer = config.withTraining(config.training().with(2, null, null, null, null, null, null));
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
