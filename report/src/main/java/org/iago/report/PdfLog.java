package org.iago.report;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages through SLF4J, like every other library of iago (it logs to java.util.logging by
 * default, bypassing log4j2). Its INFO is progress chatter, so it goes to debug.
 */
final class PdfLog implements XRLogger {

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int l = level.intValue();
        if (l >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (l >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (l >= Level.INFO.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are log4j2's to decide
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int l = diagnostic.getLevel().intValue();
        return l >= Level.WARNING.intValue() ? logger.isWarnEnabled()
                : l >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
