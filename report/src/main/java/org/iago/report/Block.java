package org.iago.report;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** What a part of a section shows, in order: a table, a chart or a note. The template switches on {@link #kind}. */
public sealed interface Block permits Table, Block.Chart, Block.Note {

    String kind();

    /**
     * A chart embedded as a PNG data URI (JFreeChart): the same image in the page and the PDF, no network, no SVG
     * renderer needed.
     *
     * @param description what it shows and from which file, for the caption and the image's alt text
     * @param image       the data URI, drawn on another thread while the report's model is still being built
     */
    record Chart(String id, String title, String description, Future<String> image, int width, int height)
            implements Block {
        @Override
        public String kind() {
            return "chart";
        }

        /** The PNG data URI, once drawn; a failure to draw is rethrown. */
        public String dataUri() {
            try {
                return image.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while drawing chart " + id, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("chart " + id + " could not be drawn", e.getCause());
            }
        }
    }

    /** @param missing a part of the run folder that is absent or unreadable, shown as such */
    record Note(String text, boolean missing) implements Block {

        static Note info(String text) {
            return new Note(text, false);
        }

        static Note absent(String text) {
            return new Note(text, true);
        }

        @Override
        public String kind() {
            return "note";
        }
    }
}
