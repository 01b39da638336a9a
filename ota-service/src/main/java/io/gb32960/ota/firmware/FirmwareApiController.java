package io.gb32960.ota.firmware;

import io.gb32960.ota.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Firmware over REST: suppliers upload and read their own; ADMIN reviews; staff read all. */
@RestController
@RequestMapping("/api/firmware")
@Tag(name = "Firmware", description = "uploads (SUPPLIER, own terminal models only), review (ADMIN)")
class FirmwareApiController {

    private final FirmwareService firmware;
    private final Actors actors;

    FirmwareApiController(FirmwareService firmware, Actors actors) {
        this.firmware = firmware;
        this.actors = actors;
    }

    /** A review decision. */
    record Review(boolean approve, @Size(max = 1000) String comment) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "upload a .bin (multipart: file plus the fields); stored only when the stated MD5 and "
            + "SHA-256 match, the model is the supplier's, the version is new and the file is not stored yet")
    Firmware upload(@Valid @ModelAttribute FirmwareUpload upload, @RequestPart("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return firmware.upload(actors.current(), upload, file.getOriginalFilename(), in);
        }
    }

    @GetMapping
    @Operation(summary = "firmware, newest first (a supplier sees its own)")
    List<Firmware> list(@RequestParam(required = false) Firmware.FirmwareStatus status) {
        return firmware.list(actors.current(), status);
    }

    @GetMapping("/{id}")
    @Operation(summary = "one firmware (404 for another supplier's)")
    Firmware get(@PathVariable long id) {
        return firmware.get(actors.current(), id);
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "approve or reject firmware waiting for review (ADMIN)")
    Firmware review(@PathVariable long id, @Valid @RequestBody Review review) {
        return firmware.review(actors.current(), id, review.approve(), review.comment());
    }
}
