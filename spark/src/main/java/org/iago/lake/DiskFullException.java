package org.iago.lake;

import java.io.IOException;

/**
 * The file system of a lake has not enough free space for what a job must write. Its message names the folder and says
 * "disk full"; it has no cause, so that a report of the root cause shows that message (an underlying "No space left on
 * device" is attached as suppressed).
 */
public class DiskFullException extends IOException {

    private static final long serialVersionUID = 1L;

    public DiskFullException(String message) {
        super(message);
    }
}
