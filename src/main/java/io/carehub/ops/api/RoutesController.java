package io.carehub.ops.api;

import io.carehub.ops.RouteReload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** R41: which set of route files runs (its version), its files and routes with their states, the last rejection. */
@RestController
@RequestMapping("/api/ops/routes")
@Tag(name = "ops-routes", description = "The loaded route files and their reload (ops)")
class RoutesController {

    private final RouteReload reload;

    RoutesController(RouteReload reload) {
        this.reload = reload;
    }

    @GetMapping
    @Operation(
            summary = "The loaded set's version (hash of the route files), its files, route ids and states, and the"
                    + " last rejected version with its file and problem")
    RouteReload.Status routes() {
        return reload.status();
    }
}
