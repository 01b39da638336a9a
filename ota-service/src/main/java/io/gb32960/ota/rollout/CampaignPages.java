package io.gb32960.ota.rollout;

import io.gb32960.ota.firmware.Firmware;
import io.gb32960.ota.firmware.FirmwareService;
import io.gb32960.ota.security.Actors;
import io.gb32960.ota.system.OtaException;
import io.gb32960.web.problem.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** The campaign pages: list, wizard, dashboard (counts refresh every 2 s), pause/resume/cancel. */
@Controller
class CampaignPages {

    private final CampaignService campaigns;
    private final FirmwareService firmware;
    private final Actors actors;
    private final Validator validator;

    CampaignPages(CampaignService campaigns, FirmwareService firmware, Actors actors, Validator validator) {
        this.campaigns = campaigns;
        this.firmware = firmware;
        this.actors = actors;
        this.validator = validator;
    }

    /** The wizard's fields: one set of thresholds for every group (the API takes them per group). */
    public record WizardForm(String name, Long firmwareId, String vins, String terminalModel, String hardwareVersion,
                             String firmwareVersion, Long supplierId, String vinPrefix, String percentages,
                             Integer successThreshold, String successAction, Integer errorThreshold,
                             Integer errorMinSample, Integer maxRetries, String scheduledAt) {

        static WizardForm empty() {
            return new WizardForm("", null, "", "", "", "", null, "", "1,10,50,100", 95, "NEXT_GROUP", 5, 10, 2, "");
        }
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        return "campaigns/list";
    }

    @GetMapping("/campaigns/new")
    String wizard(Model model) {
        return wizardPage(model, WizardForm.empty(), List.of());
    }

    private String wizardPage(Model model, WizardForm form, List<FieldProblem> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("firmware", firmware.list(actors.current(), Firmware.FirmwareStatus.APPROVED));
        return "campaigns/new";
    }

    @PostMapping("/campaigns")
    String create(@ModelAttribute WizardForm w, Model model, RedirectAttributes redirect) {
        CampaignForm form;
        try {
            form = toForm(w);
        } catch (OtaException e) {
            return wizardPage(model, w, List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        List<FieldProblem> errors = new ArrayList<>();
        for (ConstraintViolation<CampaignForm> v : validator.validate(form)) {
            errors.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!errors.isEmpty()) {
            return wizardPage(model, w, errors);
        }
        try {
            Campaign c = campaigns.create(actors.current(), form);
            redirect.addFlashAttribute("notice", "Campaign created as a draft; start it when ready");
            return "redirect:/campaigns/" + c.id();
        } catch (OtaException e) {
            return wizardPage(model, w, List.of(new FieldProblem(e.field(), e.getMessage())));
        }
    }

    private static CampaignForm toForm(WizardForm w) {
        List<String> vins = w.vins() == null ? List.of() : Arrays.stream(w.vins().split("[\\s,;]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).map(String::toUpperCase).toList();
        CampaignForm.Target target = vins.isEmpty()
                ? new CampaignForm.Target(null, new CampaignForm.Filter(blank(w.terminalModel()),
                blank(w.hardwareVersion()), blank(w.firmwareVersion()), w.supplierId(),
                blank(w.vinPrefix()) == null ? null : w.vinPrefix().trim().toUpperCase()))
                : new CampaignForm.Target(vins, null);
        List<CampaignForm.GroupForm> groups = new ArrayList<>();
        SuccessAction action;
        try {
            action = SuccessAction.valueOf(w.successAction());
        } catch (RuntimeException e) {
            throw OtaException.invalid("successAction", "NEXT_GROUP or WAIT");
        }
        for (String p : (w.percentages() == null ? "" : w.percentages()).split("[\\s,]+")) {
            if (p.isBlank()) {
                continue;
            }
            try {
                groups.add(new CampaignForm.GroupForm(Integer.parseInt(p.trim().replace("%", "")), null,
                        orZero(w.successThreshold()), action, orZero(w.errorThreshold()), orZero(w.errorMinSample())));
            } catch (NumberFormatException e) {
                throw OtaException.invalid("percentages", "whole percents separated by commas, e.g. 1,10,50,100");
            }
        }
        Instant at = null;
        if (blank(w.scheduledAt()) != null) {
            try {
                at = Instant.parse(w.scheduledAt().trim());
            } catch (DateTimeParseException e) {
                throw OtaException.invalid("scheduledAt", "an ISO-8601 UTC time such as 2026-12-01T02:00:00Z");
            }
        }
        return new CampaignForm(w.name(), w.firmwareId(), target, groups, orZero(w.maxRetries()), at);
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @GetMapping("/campaigns/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("view", campaigns.view(id));
        model.addAttribute("states", EnumSet.allOf(RolloutState.class));
        return "campaigns/detail";
    }

    @GetMapping("/campaigns/{id}/panel")
    String panel(@PathVariable long id, Model model) {
        detail(id, model);
        return "campaigns/detail :: panel";
    }

    @PostMapping("/campaigns/{id}/{action:start|pause|resume|cancel}")
    String act(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            Campaign c = switch (action) {
                case "start" -> campaigns.start(actors.current(), id);
                case "pause" -> campaigns.pause(actors.current(), id);
                case "resume" -> campaigns.resume(actors.current(), id);
                default -> campaigns.cancel(actors.current(), id);
            };
            redirect.addFlashAttribute("notice", "Campaign " + c.status());
        } catch (OtaException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/campaigns/" + id;
    }
}
