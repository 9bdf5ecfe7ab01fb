package org.iago.archfixture.report;

import org.iago.archfixture.pipeline.Pipeline;

/** Deliberately wrong: the report importing the pipeline that runs it, a cycle. */
public final class ReportRunsPipeline {

    public static String title() {
        return Pipeline.class.getSimpleName();
    }
}
