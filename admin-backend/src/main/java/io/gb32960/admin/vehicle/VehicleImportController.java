package io.gb32960.admin.vehicle;

import io.gb32960.admin.system.AdminException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** CSV import: the page (file upload, report per row). */
@Controller
class VehicleImportController {

    private final VehicleImport imports;

    VehicleImportController(VehicleImport imports) {
        this.imports = imports;
    }

    @GetMapping("/vehicles/import")
    String form() {
        return "vehicles/import";
    }

    @PostMapping("/vehicles/import")
    String upload(@RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean update, Model model) {
        try (InputStreamReader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("report", imports.importCsv(in, update));
        } catch (AdminException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (IOException e) {
            model.addAttribute("problem", "the file could not be read");
        }
        return "vehicles/import";
    }

    /** CSV import over REST: {@code text/csv} body, or a multipart {@code file}. */
    @RestController
    @Tag(name = "Vehicles")
    static class Api {

        private final VehicleImport imports;

        Api(VehicleImport imports) {
            this.imports = imports;
        }

        @PostMapping(value = "/api/vehicles/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
        @Operation(summary = "register vehicles from CSV (header row: vin, plate, vehicleModel, terminalModel, iccid,"
                + " firmwareVersion, hardwareVersion, enabled, responseStyle, upgradeLayout); update=true changes"
                + " existing ones; a report per bad row")
        VehicleImport.ImportReport csv(@RequestBody String csv, @RequestParam(defaultValue = "false") boolean update) {
            return imports.importCsv(new StringReader(csv), update);
        }

        @PostMapping(value = "/api/vehicles/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        @Operation(summary = "the same with a multipart file")
        VehicleImport.ImportReport file(@RequestParam("file") MultipartFile file,
                                        @RequestParam(defaultValue = "false") boolean update) {
            try (InputStreamReader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                return imports.importCsv(in, update);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
