package io.gb32960.ota.rollout;

import io.gb32960.ota.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Campaigns over REST: ADMIN creates and controls them; OPERATOR and VIEWER read. */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "gray-release campaigns (ADMIN; OPERATOR and VIEWER read)")
class CampaignApiController {

    private final CampaignService campaigns;
    private final Actors actors;

    CampaignApiController(CampaignService campaigns, Actors actors) {
        this.campaigns = campaigns;
        this.actors = actors;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "create a campaign (DRAFT); refused with field errors when invalid or the target is empty")
    Campaign create(@Valid @RequestBody CampaignForm form) {
        return campaigns.create(actors.current(), form);
    }

    @GetMapping
    @Operation(summary = "campaigns, newest first")
    List<Campaign> list() {
        return campaigns.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "a campaign with per-group and per-state counts, failure reasons and its timeline")
    CampaignService.CampaignView get(@PathVariable long id) {
        return campaigns.view(id);
    }

    @GetMapping("/{id}/vehicles")
    @Operation(summary = "the campaign's vehicles (optionally of one state), most recently changed first")
    List<Rollout> vehicles(@PathVariable long id, @RequestParam(required = false) RolloutState state,
                           @RequestParam(defaultValue = "200") int limit) {
        return campaigns.vehicles(id, state, limit);
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "start now (freezes the target), or schedule when the start time lies ahead")
    Campaign start(@PathVariable long id) {
        return campaigns.start(actors.current(), id);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "pause: no more upgrades go out; vehicles already told are followed")
    Campaign pause(@PathVariable long id) {
        return campaigns.pause(actors.current(), id);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "resume a paused campaign (acknowledging the failures so far) or start the next group of a"
            + " waiting one")
    Campaign resume(@PathVariable long id) {
        return campaigns.resume(actors.current(), id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "cancel: open vehicles become CANCELED, their downloads stop")
    Campaign cancel(@PathVariable long id) {
        return campaigns.cancel(actors.current(), id);
    }
}
