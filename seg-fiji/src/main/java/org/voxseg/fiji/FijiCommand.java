package org.voxseg.fiji;

import java.io.IOException;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.DialogPrompt.MessageType;
import org.scijava.ui.UIService;
import org.voxseg.core.api.FailureMessages;

/**
 * Base of the voxseg Fiji commands. A failure the user can fix (a missing file, an image the model cannot take)
 * becomes one line: in the log, in an error dialog when Fiji has a window, and as the command's cancel reason,
 * which macros and headless runs report. Anything else is a bug and propagates with its stack trace.
 */
abstract class FijiCommand extends ContextCommand {

    @Parameter
    private LogService log;

    @Parameter
    private UIService ui;

    @Override
    public final void run() {
        try {
            execute();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            String message = "voxseg: " + FailureMessages.describe(e);
            log.error(message);
            if (!ui.isHeadless()) {
                ui.showDialog(message, "voxseg", MessageType.ERROR_MESSAGE);
            }
            cancel(message);
        }
    }

    /** The command's work; its outputs are set when it returns. */
    protected abstract void execute() throws IOException;

    /** Where the command reports what it did. */
    protected LogService log() {
        return log;
    }
}
