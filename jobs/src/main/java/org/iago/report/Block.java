package org.iago.report;

/** What a part of a section shows, in order: a table, a chart or a note. The template switches on {@link #kind}. */
public sealed interface Block permits Table, Block.Chart, Block.Note {

    String kind();

    /**
     * A chart embedded as a PNG data URI (JFreeChart): the same image in the page and the PDF, no network, no SVG
     * renderer needed.
     *
     * @param description what it shows and from which file, for the caption and the image's alt text
     */
    record Chart(String id, String title, String description, String dataUri, int width, int height)
            implements Block {
        @Override
        public String kind() {
            return "chart";
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
