package org.iago.ingest.faers;

import org.iago.ingest.LakeRow;
import org.iago.ingest.RecordRejectedException;
import org.iago.ingest.StrictDecoder;
import org.springframework.batch.infrastructure.item.file.LineMapper;

/**
 * A line of {@code Deleted/DELETEyyQn.txt}: one case identifier, no header, no delimiter. Surrounding blanks are
 * dropped; anything but digits is rejected. Whether the ids are caseids or primaryids is decided at curation.
 */
public final class DeletedLineMapper implements LineMapper<LakeRow> {

    private final StrictDecoder decoder;

    public DeletedLineMapper(StrictDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public LakeRow mapLine(String byteLine, int lineNumber) {
        String id = decoder.decode(byteLine).trim();
        if (id.isEmpty()) {
            throw new RecordRejectedException("empty line where a deleted case id was expected");
        }
        if (!FaersFields.isDigits(id)) {
            throw new RecordRejectedException("deleted case id '" + id + "' is not a number");
        }
        return new LakeRow(lineNumber, new Object[] {id});
    }
}
