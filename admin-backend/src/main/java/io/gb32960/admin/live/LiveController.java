package io.gb32960.admin.live;

import io.gb32960.admin.alarm.AlarmQuery;
import io.gb32960.admin.alarm.AlarmService;
import io.gb32960.admin.command.CommandLogRepository;
import io.gb32960.admin.command.CommandService;
import io.gb32960.admin.system.Formats;
import io.gb32960.admin.system.PageLinks;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.system.WebProperties;
import io.gb32960.admin.vehicle.Vehicle;
import io.gb32960.admin.vehicle.VehicleService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The live pages: nodes and their online vehicles, and the vehicle page (state, map, charts, history). */
@Controller
class LiveController {

    private final LiveService live;
    private final LiveRepository repository;
    private final VehicleService vehicles;
    private final AlarmService alarms;
    private final CommandService commands;
    private final Formats fmt;
    private final WebProperties web;
    private final Clock clock;

    LiveController(LiveService live, LiveRepository repository, VehicleService vehicles, AlarmService alarms,
                   CommandService commands, Formats fmt, WebProperties web, Clock clock) {
        this.live = live;
        this.repository = repository;
        this.vehicles = vehicles;
        this.alarms = alarms;
        this.commands = commands;
        this.fmt = fmt;
        this.web = web;
        this.clock = clock;
    }

    @GetMapping("/live")
    String live(@RequestParam(required = false) String node, @RequestParam(required = false) Integer page,
                Model model) {
        model.addAttribute("nodes", live.nodes());
        model.addAttribute("node", node);
        model.addAttribute("web", web);
        if (node != null && !node.isBlank()) {
            model.addAttribute("online", repository.onlineVins(node, Paging.of(page, 100)));
            model.addAttribute("base", PageLinks.base());
        }
        return "live";
    }

    @GetMapping("/vehicles/{vin}")
    String vehicle(@PathVariable String vin, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, Model model) {
        Vehicle v = vehicles.get(vin);
        Instant end = fmt.parse(to) == null ? clock.instant() : fmt.parse(to);
        Instant start = fmt.parse(from) == null ? end.minus(Duration.ofHours(1)) : fmt.parse(from);
        model.addAttribute("vehicle", v);
        model.addAttribute("connection", live.session(v.vin()).orElse(null));
        model.addAttribute("state", live.latest(v.vin()).orElse(null));
        model.addAttribute("frame", live.lastFrame(v.vin()).orElse(null));
        model.addAttribute("from", fmt.input(start));
        model.addAttribute("to", fmt.input(end));
        model.addAttribute("fromIso", start.toString());
        model.addAttribute("toIso", end.toString());
        model.addAttribute("onlineLog", repository.onlineLog(v.vin(), Paging.of(0, 20)));
        model.addAttribute("alarms", alarms.page(new AlarmQuery(v.vin(), null, null, null, null, null),
                Paging.of(0, 10)));
        model.addAttribute("commands", commands.log(new CommandLogRepository.Query(v.vin(), null, null, null),
                Paging.of(0, 10)));
        model.addAttribute("web", web);
        return "vehicles/detail";
    }

    @GetMapping("/vehicles/{vin}/online-log")
    String onlineLog(@PathVariable String vin, @RequestParam(required = false) Integer page, Model model) {
        Vehicle v = vehicles.get(vin);
        model.addAttribute("vehicle", v);
        model.addAttribute("events", repository.onlineLog(v.vin(), Paging.of(page, 100)));
        model.addAttribute("base", PageLinks.base());
        return "vehicles/online-log";
    }
}
