package io.gb32960.ota.firmware;

import io.gb32960.ota.security.Actor;
import io.gb32960.ota.security.Actors;
import io.gb32960.ota.system.OtaException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

/**
 * The supplier portal (upload, my firmware, my devices' upgrades) and the firmware review page.
 * The rollout rows come through {@link SupplierRollouts}, implemented by the rollout feature.
 */
@Controller
public class FirmwarePages {

    private final FirmwareService firmware;
    private final FirmwareRepository repository;
    private final SupplierRollouts rollouts;
    private final Actors actors;

    FirmwarePages(FirmwareService firmware, FirmwareRepository repository, SupplierRollouts rollouts, Actors actors) {
        this.firmware = firmware;
        this.repository = repository;
        this.rollouts = rollouts;
        this.actors = actors;
    }

    /** The upgrade rows of a supplier's devices, for its portal. */
    public interface SupplierRollouts extends Function<Actor, List<?>> {
    }

    @GetMapping("/supplier")
    String supplier(Model model) {
        Actor me = actors.current();
        model.addAttribute("models", me.supplierId() == null ? List.of() : repository.modelsOf(me.supplierId()));
        model.addAttribute("firmware", firmware.list(me, null));
        model.addAttribute("rollouts", rollouts.apply(me));
        return "supplier";
    }

    @PostMapping("/supplier/firmware")
    String upload(@Valid @ModelAttribute FirmwareUpload upload, BindingResult errors,
                  @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", errors.getFieldErrors().stream()
                    .map(e -> e.getField() + ": " + e.getDefaultMessage()).toList().toString());
            return "redirect:/supplier";
        }
        try (InputStream in = file.getInputStream()) {
            Firmware f = firmware.upload(actors.current(), upload, file.getOriginalFilename(), in);
            redirect.addFlashAttribute("notice", "Stored " + f.terminalModel() + " " + f.version()
                    + "; it waits for review");
        } catch (OtaException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supplier";
    }

    @GetMapping("/firmware")
    String list(Model model) {
        model.addAttribute("firmware", firmware.list(actors.current(), null));
        return "firmware/list";
    }

    @PostMapping("/firmware/{id}/review")
    String review(@PathVariable long id, @RequestParam boolean approve,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            Firmware f = firmware.review(actors.current(), id, approve, comment);
            redirect.addFlashAttribute("notice", "Firmware " + f.id() + " " + f.status());
        } catch (OtaException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/firmware";
    }
}
