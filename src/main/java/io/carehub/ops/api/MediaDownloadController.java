package io.carehub.ops.api;

import static io.carehub.ops.api.OpsRequests.badRequest;
import static io.carehub.ops.api.OpsRequests.notFound;

import io.carehub.access.AccessLog;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.AttachmentQueries;
import io.carehub.documentation.AttachmentQueries.Download;
import io.carehub.documentation.Attachments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * R6/R45: ops see media downloads that failed for good (or are still retrying, with their next attempt) and re-drive
 * failed ones: they get a fresh attempt count and are due at once. Metadata only.
 */
@RestController
@Tag(name = "ops: media downloads", description = "Failed and pending media downloads: list, re-drive (ops)")
class MediaDownloadController {

    /** The attachments made PENDING again. */
    record Redriven(int count, List<Long> ids) {}

    private static final int MAX_LISTED = 1000;

    private final Attachments attachments;
    private final AttachmentQueries queries;
    private final AccessLog accessLog;
    private final Callers callers;

    MediaDownloadController(Attachments attachments, AttachmentQueries queries, AccessLog accessLog, Callers callers) {
        this.attachments = attachments;
        this.queries = queries;
        this.accessLog = accessLog;
        this.callers = callers;
    }

    @GetMapping("/api/ops/media-downloads")
    @Operation(
            summary = "Media downloads in a state (FAILED, the default, or PENDING with the next attempt), oldest"
                    + " first, at most 1000")
    List<Download> list(@RequestParam(defaultValue = "FAILED") String state) {
        String checked = state.trim().toUpperCase(java.util.Locale.ROOT);
        if (!checked.equals("FAILED") && !checked.equals("PENDING")) {
            throw badRequest("'state' must be FAILED or PENDING");
        }
        List<Download> downloads = queries.downloads(checked, MAX_LISTED);
        log(AccessLog.Action.MEDIA_DOWNLOAD_LIST, "state=" + checked);
        return downloads;
    }

    @PostMapping("/api/ops/media-downloads/{id}/redrive")
    @Operation(summary = "Re-drive one FAILED download (404: no such FAILED download)")
    Redriven redriveOne(@PathVariable long id) {
        List<Long> ids = attachments.redriveFailed(id);
        log(AccessLog.Action.MEDIA_DOWNLOAD_REDRIVE, "attachment " + id);
        if (ids.isEmpty()) {
            throw notFound("no FAILED download " + id);
        }
        return new Redriven(ids.size(), ids);
    }

    @PostMapping("/api/ops/media-downloads/redrive")
    @Operation(summary = "Re-drive every FAILED download")
    Redriven redriveAll() {
        List<Long> ids = attachments.redriveFailed(null);
        log(AccessLog.Action.MEDIA_DOWNLOAD_REDRIVE, "all FAILED; " + ids.size() + " re-driven");
        return new Redriven(ids.size(), ids);
    }

    private void log(AccessLog.Action action, String target) {
        accessLog.other(callers.current(), Role.OPS, action, target);
    }
}
