package org.voxseg.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.voxseg.data.synthetic.SyntheticBrats;

/** What the Fiji tests share: a tiny synthetic dataset and finding a command by its menu path. */
final class TinyFixtures {

    private TinyFixtures() {
    }

    /** Writes 5 training cases under {@code dir/train} and one test case under {@code dir/test}; returns the latter. */
    static Path synthesise(Path dir) throws IOException {
        new SyntheticBrats(new int[] {32, 32, 24}, 3).write(dir.resolve("train"), 5);
        return new SyntheticBrats(new int[] {32, 32, 24}, 4).write(dir.resolve("test"), 1).get(0);
    }

    /** The one command at {@code menuPath} (FijiMenus' form, {@code A>B>C}). */
    static CommandInfo command(Context context, String menuPath) {
        String wanted = menuPath.replace(">", " > ");
        List<CommandInfo> matches = context.service(CommandService.class).getCommands().stream()
                .filter(info -> info.getMenuPath() != null && wanted.equals(info.getMenuPath().getMenuString()))
                .toList();
        assertEquals(1, matches.size(), "commands at " + menuPath);
        return matches.get(0);
    }
}
